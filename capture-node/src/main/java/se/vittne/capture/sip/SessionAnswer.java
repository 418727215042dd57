package se.vittne.capture.sip;

import java.util.List;
import java.util.Objects;
import se.vittne.capture.media.LocalEndpoint;

/** The session layer's answer to an offer or update. */
public sealed interface SessionAnswer {

  /**
   * Receive the streams at these endpoints, matched to the offered streams by label. An offered
   * stream without an endpoint, or whose endpoint accepts no format, is rejected in the SDP answer
   * (port 0).
   */
  record Accept(List<LocalEndpoint> endpoints) implements SessionAnswer {
    public Accept {
      endpoints = List.copyOf(endpoints);
    }
  }

  /**
   * Refuse with a SIP final status (300 to 699) and reason phrase, e.g. 503 when out of ports or
   * licences, 488 for unusable formats.
   */
  record Refuse(int status, String reason) implements SessionAnswer {
    public Refuse {
      if (status < 300 || status > 699) {
        throw new IllegalArgumentException("a refusal needs a 3xx-6xx status: " + status);
      }
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Accept accept(List<LocalEndpoint> endpoints) {
    return new Accept(endpoints);
  }

  static Refuse refuse(int status, String reason) {
    return new Refuse(status, reason);
  }
}
