package se.vittne.capture.sip.message;

import java.util.List;
import java.util.function.IntConsumer;

/** An established dialog, to send requests in. Safe to use from any thread. */
public interface DialogHandle {

  /** Sends BYE with a Reason header (RFC 3326) carrying the text; never throws. */
  void sendBye(String reason);

  /**
   * Sends an UPDATE without body (a session refresh, RFC 4028 section 7.4) with extra headers.
   *
   * @param onFinalStatus called with the final response's status, or 408 when none came
   */
  void sendUpdate(List<HeaderField> headers, IntConsumer onFinalStatus);
}
