package se.vittne.capture.sip.trunk;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a request comes from a configured trunk. Among the trunks whose ranges contain
 * the source (most specific first), the first whose other conditions hold wins: its TLS identity,
 * when required, is among the client certificate's identities; its digest credentials, when
 * required, are proven by an Authorization header. When a digest trunk could match but no valid
 * credential was presented, the answer is a challenge; otherwise a refusal.
 */
public final class TrustGate {
  private final TrunkDirectory directory;
  private final DigestAuthenticator authenticator;

  public TrustGate(TrunkDirectory directory, DigestAuthenticator authenticator) {
    this.directory = directory;
    this.authenticator = authenticator;
  }

  /**
   * @param source the packet source address of the request
   * @param method the request method, for the digest response
   * @param authorizations the request's Authorization values
   * @param tlsIdentities identities of the TLS client certificate; empty when not over TLS or none
   */
  public TrustDecision check(
      InetAddress source, String method, List<String> authorizations, List<String> tlsIdentities) {
    List<Trunk> candidates = directory.candidates(source);
    if (candidates.isEmpty()) {
      return new TrustDecision.Refused("source " + source.getHostAddress() + " is no trunk");
    }
    Trunk challenger = null;
    boolean stale = false;
    for (Trunk trunk : candidates) {
      if (!trunk.tlsIdentities().isEmpty()
          && trunk.tlsIdentities().stream().noneMatch(tlsIdentities::contains)) {
        continue;
      }
      Optional<DigestCredentials> digest = trunk.digest();
      if (digest.isEmpty()) {
        return new TrustDecision.Trusted(trunk);
      }
      for (String authorization : authorizations) {
        Optional<Map<String, String>> params =
            DigestAuthenticator.parseAuthorization(authorization);
        if (params.isEmpty()) {
          continue;
        }
        switch (authenticator.verify(digest.get(), method, params.get())) {
          case VALID -> {
            return new TrustDecision.Trusted(trunk);
          }
          case STALE -> stale = true;
          case INVALID -> {
            // Try the next credential or trunk.
          }
        }
      }
      if (challenger == null) {
        challenger = trunk;
      }
    }
    if (challenger != null) {
      String reason = authorizations.isEmpty() ? "authentication required" : "bad credentials";
      return new TrustDecision.Challenge(
          authenticator.challenge(challenger.digest().orElseThrow().realm(), stale),
          stale ? "nonce expired" : reason);
    }
    return new TrustDecision.Refused("TLS identity of " + source.getHostAddress() + " not allowed");
  }
}
