package se.vittne.capture.loadgen;

import java.util.List;
import java.util.Objects;

/**
 * How one call went.
 *
 * @param index the call's number, from 0
 * @param callId the SIP Call-ID (empty in RTP-only mode)
 * @param caller the caller's AoR
 * @param callee the callee's AoR
 * @param state how it ended
 * @param statusCode the INVITE's final status code; 0 when none came
 * @param failure why it failed: the status code, {@code timeout}, {@code transport}, ...; empty
 *     when it did not
 * @param setupMillis from sending the INVITE to its 2xx; -1 when not answered
 * @param streams the streams it sent, empty when it was not answered
 */
public record CallOutcome(
    int index,
    String callId,
    String caller,
    String callee,
    State state,
    int statusCode,
    String failure,
    long setupMillis,
    List<StreamOutcome> streams) {
  public CallOutcome {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(failure, "failure");
    streams = List.copyOf(streams);
  }

  /** The end states of a call. */
  public enum State {
    /** Not placed before the run was stopped. */
    NOT_PLACED,
    /** Answered, media sent, BYE answered with 2xx (or the recorder ended it with a BYE). */
    COMPLETED,
    /** Answered, and the recorder ended the session with a BYE before the hold time was over. */
    ENDED_BY_RECORDER,
    /** Answered and media sent, but the BYE failed or timed out. */
    BYE_FAILED,
    /** Never answered with 2xx. */
    FAILED,
    /** Cut short because the run was stopped. */
    ABORTED
  }
}
