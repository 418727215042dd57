package se.vittne.capture.loadgen;

import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import se.vittne.capture.loadgen.rtp.RtpStream;
import se.vittne.capture.loadgen.sip.SipTimers;

/** What a call needs from the generator. Every method runs on the generator's event loop. */
interface CallContext {

  /** Sends a SIP message to the target. */
  void sendSip(byte[] message);

  /** Whether SIP goes over a reliable transport (no retransmissions). */
  boolean reliableSip();

  SipTimers timers();

  /** How long a call lasts once answered. */
  Duration hold();

  /** Runs a task on the event loop after a delay. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay);

  /** A new, unique RFC 3261 branch for a client transaction. */
  String newBranch();

  /** The current time on the monotonic clock, in nanoseconds. */
  long nanoTime();

  /**
   * Starts the call's streams on the next tick: participant {@code i} sends to {@code
   * destinations.get(i)} with {@code payloadTypes.get(i)}.
   */
  List<RtpStream> startMedia(
      LoadCall call, List<InetSocketAddress> destinations, List<Integer> payloadTypes);

  /** The call reached its end state; called once per call. */
  void callEnded(LoadCall call);
}
