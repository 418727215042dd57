package se.vittne.capture.loadgen;

import java.net.InetSocketAddress;
import java.util.List;
import se.vittne.capture.loadgen.rtp.RtpStream;

/** A call without signalling: its two streams go to fixed ports for the hold time, then it ends. */
final class RtpOnlyCall implements LoadCall {
  private final int index;
  private final CallContext context;
  private final List<InetSocketAddress> destinations;
  private final List<Integer> payloadTypes;
  private final String caller;
  private final String callee;
  private List<RtpStream> streams = List.of();
  private int running;
  private CallOutcome.State state = CallOutcome.State.NOT_PLACED;
  private boolean ended;

  RtpOnlyCall(
      int index,
      CallContext context,
      List<InetSocketAddress> destinations,
      int payloadType,
      String caller,
      String callee) {
    this.index = index;
    this.context = context;
    this.destinations = List.copyOf(destinations);
    this.payloadTypes = destinations.stream().map(d -> payloadType).toList();
    this.caller = caller;
    this.callee = callee;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void start() {
    streams = context.startMedia(this, destinations, payloadTypes);
    running = streams.size();
    state = CallOutcome.State.COMPLETED;
    if (running == 0) {
      end(CallOutcome.State.COMPLETED);
    }
  }

  @Override
  public void onStreamFinished(RtpStream stream) {
    if (--running == 0) {
      end(state);
    }
  }

  @Override
  public void abort() {
    if (!ended) {
      streams.forEach(RtpStream::stop);
      end(CallOutcome.State.ABORTED);
    }
  }

  private void end(CallOutcome.State endState) {
    if (!ended) {
      ended = true;
      state = endState;
      context.callEnded(this);
    }
  }

  @Override
  public boolean ended() {
    return ended;
  }

  @Override
  public CallOutcome outcome() {
    return new CallOutcome(
        index,
        "",
        caller,
        callee,
        state,
        0,
        state == CallOutcome.State.ABORTED ? "aborted" : "",
        0,
        Streams.outcomes(streams));
  }
}
