package se.vittne.capture.sip.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 section 5.2): who made the description and which version it is. RFC
 * 3264 section 8 says an unchanged version means an unchanged description.
 */
public record Origin(String username, String sessionId, String version, String address) {
  public Origin {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(address, "address");
  }
}
