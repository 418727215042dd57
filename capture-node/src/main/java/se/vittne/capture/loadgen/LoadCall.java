package se.vittne.capture.loadgen;

import se.vittne.capture.loadgen.rtp.RtpStream;

/** One call of a run, SIPREC or RTP-only. Used by the generator's event loop only. */
sealed interface LoadCall permits SiprecCall, RtpOnlyCall {

  /** The call's number in the run, from 0. */
  int index();

  /** Places the call. */
  void start();

  /** One of the call's streams sent its last packet. */
  void onStreamFinished(RtpStream stream);

  /** The run is being stopped: end now, as cleanly as the call's state allows. */
  void abort();

  /** Whether the call reached its end state. */
  boolean ended();

  /** How it went, so far. */
  CallOutcome outcome();
}
