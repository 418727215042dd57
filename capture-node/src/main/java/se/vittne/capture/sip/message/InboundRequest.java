package se.vittne.capture.sip.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A request as the stack received it, in our own terms.
 *
 * @param method the method, upper case
 * @param requestUri the Request-URI
 * @param headers all headers
 * @param body the body, possibly empty
 * @param peer where it came from
 * @param callId the Call-ID
 * @param fromTag the From tag
 * @param toTag the To tag; present for requests inside a dialog
 */
public record InboundRequest(
    String method,
    String requestUri,
    Headers headers,
    byte[] body,
    Peer peer,
    String callId,
    String fromTag,
    Optional<String> toTag) {
  public InboundRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(headers, "headers");
    body = body.clone();
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(fromTag, "fromTag");
    Objects.requireNonNull(toTag, "toTag");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The dialog's key on our side: Call-ID and the SRC's tag. */
  public String dialogKey() {
    return callId + ";" + fromTag;
  }
}
