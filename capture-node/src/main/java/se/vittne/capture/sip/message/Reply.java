package se.vittne.capture.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A response to send.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param headers extra headers (Via, From, To, Call-ID and CSeq are copied by the stack)
 * @param contentType the body's type, when there is a body
 * @param body the body, possibly empty
 * @param contact whether to add our Contact (2xx to INVITE and UPDATE, and 3xx)
 */
public record Reply(
    int status,
    String reason,
    List<HeaderField> headers,
    Optional<String> contentType,
    byte[] body,
    boolean contact) {
  public Reply {
    if (status < 100 || status > 699) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    Objects.requireNonNull(reason, "reason");
    headers = List.copyOf(headers);
    Objects.requireNonNull(contentType, "contentType");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public static Reply of(int status, String reason) {
    return new Reply(status, reason, List.of(), Optional.empty(), new byte[0], false);
  }

  public Reply withHeader(String name, String value) {
    List<HeaderField> more = new ArrayList<>(headers);
    more.add(new HeaderField(name, value));
    return new Reply(status, reason, more, contentType, body, contact);
  }

  public Reply withBody(String type, byte[] content) {
    return new Reply(status, reason, headers, Optional.of(type), content, contact);
  }

  public Reply withContact() {
    return new Reply(status, reason, headers, contentType, body, true);
  }
}
