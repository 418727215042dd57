package se.vittne.capture.sip;

import java.util.Objects;

/**
 * The end of a session.
 *
 * @param sessionId the session's id, as in its offer
 * @param callId the SIP Call-ID
 * @param reason why it ended
 * @param detail a human-readable detail for logs
 * @param atNanos when it ended ({@link System#nanoTime()}): for a BYE, when the request arrived,
 *     before it waited for its dialog's turn, so that the recording ends with the call and not
 *     later by however long the node took to get to the BYE
 */
public record SessionEnd(
    String sessionId, String callId, EndReason reason, String detail, long atNanos) {

  public SessionEnd {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
