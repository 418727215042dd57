package se.vittne.capture.sip;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity-bearing headers of an INVITE, as received, for the session layer to keep and show.
 * In a SIPREC INVITE these describe the SRC, not the recorded call; in a plain forked leg they are
 * the recorded call's own.
 *
 * @param requestUri the Request-URI
 * @param from the From header value
 * @param to the To header value
 * @param pAssertedIdentity P-Asserted-Identity values (RFC 3325), in order
 * @param diversion Diversion values (RFC 5806), newest first as received
 * @param historyInfo History-Info entries (RFC 7044), in order
 * @param callFactHeaders the {@code X-Vittne-*} and recognised vendor headers, by lower-case name
 * @param userAgent the User-Agent, if any
 */
public record SipIdentities(
    String requestUri,
    String from,
    String to,
    List<String> pAssertedIdentity,
    List<String> diversion,
    List<String> historyInfo,
    Map<String, String> callFactHeaders,
    Optional<String> userAgent) {
  public SipIdentities {
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    pAssertedIdentity = List.copyOf(pAssertedIdentity);
    diversion = List.copyOf(diversion);
    historyInfo = List.copyOf(historyInfo);
    callFactHeaders = Map.copyOf(callFactHeaders);
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /** A call-fact header by name, case-insensitively. */
  public Optional<String> callFactHeader(String name) {
    return Optional.ofNullable(callFactHeaders.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
