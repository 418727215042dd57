package se.vittne.capture.sip.sdp;

import java.util.Objects;

/**
 * The answerer's {@code o=} line values. The version goes up by one whenever an answer differs from
 * the previous one in the same dialog (RFC 3264 section 8).
 */
public record AnswerOrigin(String sessionId, long version, String address) {
  public AnswerOrigin {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(address, "address");
  }

  public AnswerOrigin next() {
    return new AnswerOrigin(sessionId, version + 1, address);
  }
}
