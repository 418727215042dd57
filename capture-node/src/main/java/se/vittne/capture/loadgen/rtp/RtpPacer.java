package se.vittne.capture.loadgen.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends all due packets of all streams on one tick every 20 ms, then flushes once, so that a tick's
 * packets leave in few batched system calls. Streams are aligned to ticks; a late tick sends every
 * frame that fell due meanwhile, so a stream's packet count never depends on the timer's accuracy.
 *
 * <p>Used by one thread (the generator's event loop).
 */
public final class RtpPacer {
  private final PacketSink sink;
  private final Consumer<RtpStream> onFinished;
  private final List<RtpStream> active = new ArrayList<>();
  private final List<RtpStream> finished = new ArrayList<>();
  private long packets;
  private long bytes;

  /**
   * @param sink where packets go
   * @param onFinished told of each stream after its last packet was flushed
   */
  public RtpPacer(PacketSink sink, Consumer<RtpStream> onFinished) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.onFinished = Objects.requireNonNull(onFinished, "onFinished");
  }

  /** Starts sending a stream from its plan's start tick on. */
  public void add(RtpStream stream) {
    active.add(stream);
  }

  /** Streams still sending. */
  public int activeStreams() {
    return active.size();
  }

  /** Sends what is due on this tick and flushes; returns the number of packets sent. */
  public int tick(long tick) {
    long before = packets;
    for (int i = active.size() - 1; i >= 0; i--) {
      RtpStream stream = active.get(i);
      long streamPackets = stream.counters().packets;
      long streamBytes = stream.counters().bytes;
      stream.emitDue(tick, sink);
      packets += stream.counters().packets - streamPackets;
      bytes += stream.counters().bytes - streamBytes;
      if (stream.finished()) {
        RtpStream last = active.remove(active.size() - 1);
        if (last != stream) {
          active.set(i, last); // swap-remove: order does not matter, removal stays O(1)
        }
        finished.add(stream);
      }
    }
    sink.flush();
    for (RtpStream stream : finished) {
      onFinished.accept(stream);
    }
    finished.clear();
    return (int) (packets - before);
  }

  /** Packets sent so far, by all streams. */
  public long packets() {
    return packets;
  }

  /** Bytes sent so far, by all streams. */
  public long bytes() {
    return bytes;
  }
}
