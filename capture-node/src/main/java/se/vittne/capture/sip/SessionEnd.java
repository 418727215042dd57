package se.vittne.capture.sip;

import java.util.Objects;

/**
 * The end of a session.
 *
 * @param sessionId the session's id, as in its offer
 * @param callId the SIP Call-ID
 * @param reason why it ended
 * @param detail a human-readable detail for logs
 */
public record SessionEnd(String sessionId, String callId, EndReason reason, String detail) {
  public SessionEnd {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
