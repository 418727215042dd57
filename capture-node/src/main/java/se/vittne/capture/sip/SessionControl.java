package se.vittne.capture.sip;

/** Lets the session layer end a session from its side (media timeout, policy, drain). */
public interface SessionControl {

  /** The session this controls. */
  String sessionId();

  /**
   * Ends the session: sends BYE (with a Reason header) to the SRC if the session was established,
   * then reports {@link RecordingSessionHandler#onEnd} with {@link EndReason#TERMINATED}. Returns
   * at once; does nothing if the session already ended.
   */
  void terminate(String reason);
}
