package se.vittne.capture.sip;

/**
 * What the session layer does with recording sessions; implemented there, called by the SIP server.
 *
 * <p>Threading: the callbacks of one session are called one at a time, in order, never
 * concurrently, on a virtual thread of the server; callbacks of different sessions run in parallel.
 * A callback may block (database, media engine), but the SRC waits for the answer: an offer should
 * be answered within a few seconds, well inside the SRC's INVITE timeout of 32 seconds. A callback
 * that throws is answered 500 (offers and updates) and logged.
 *
 * <p>Lifecycle: every {@link #onOffer} that returns {@link SessionAnswer.Accept} is followed by
 * exactly one {@link #onEnd}, whatever happens next (BYE, CANCEL that crossed the answer, session
 * timer expiry, a lost ACK, {@link SessionControl#terminate}, server shutdown). An offer that is
 * refused or throws gets no {@code onEnd}. An offer cancelled before the handler was called is
 * never offered.
 */
public interface RecordingSessionHandler {

  /**
   * A new session. Open the media for the offered streams and accept with their endpoints, or
   * refuse. The PBX's call is never affected by the answer; to not record a call, accept it and
   * discard its media, or refuse it.
   */
  SessionAnswer onOffer(SessionOffer offer);

  /**
   * A re-INVITE or UPDATE that changes streams, directions (pause/resume), formats or metadata.
   * Accept with the endpoints of all live streams, or refuse to keep the session as it was (RFC
   * 3261 section 14.2). Session refreshes that change nothing are not reported.
   */
  SessionAnswer onUpdate(SessionUpdate update);

  /** The session is over; finish or discard its media. Called once per accepted offer. */
  void onEnd(SessionEnd end);
}
