package se.vittne.capture.sip.trunk;

import java.util.Objects;

/** The outcome of checking a request's source. */
public sealed interface TrustDecision {

  /** The request comes from this trunk. */
  record Trusted(Trunk trunk) implements TrustDecision {
    public Trusted {
      Objects.requireNonNull(trunk, "trunk");
    }
  }

  /** The source may be a trunk that must authenticate: answer 401 with this challenge. */
  record Challenge(String wwwAuthenticate, String reason) implements TrustDecision {
    public Challenge {
      Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The source is no trunk: answer 403 and start nothing. */
  record Refused(String reason) implements TrustDecision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
