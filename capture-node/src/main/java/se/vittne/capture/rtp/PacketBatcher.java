package se.vittne.capture.rtp;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The batches one event loop is filling, one per writer thread. Used only on its event loop: from
 * the router for each packet and from a timer that submits partial batches every few milliseconds,
 * so packets never wait long for a batch to fill.
 */
public final class PacketBatcher {
  private final BatchSink[] sinks;
  private final PacketBatch[] current;

  public PacketBatcher(List<? extends BatchSink> sinks) {
    this.sinks = sinks.toArray(new BatchSink[0]);
    this.current = new PacketBatch[this.sinks.length];
  }

  /**
   * Copies a packet into the current batch for {@code writer}.
   *
   * @return why it was dropped, or null when it was taken
   */
  public Drop add(
      int writer, PacketConsumer target, ByteBuf content, long arrivalNanos, boolean rtcp) {
    int length = content.readableBytes();
    if (length > PacketBatch.DATA_CAPACITY) {
      return Drop.OVERSIZED;
    }
    PacketBatch batch = current[writer];
    if (batch != null && !batch.fits(length)) {
      sinks[writer].submit(batch);
      batch = null;
    }
    if (batch == null) {
      batch = sinks[writer].acquire();
      current[writer] = batch;
      if (batch == null) {
        return Drop.HANDOFF_FULL;
      }
    }
    batch.add(target, content, arrivalNanos, rtcp);
    if (batch.full()) {
      sinks[writer].submit(batch);
      current[writer] = null;
    }
    return null;
  }

  /** Submits every partial batch. */
  public void flush() {
    for (int w = 0; w < current.length; w++) {
      PacketBatch batch = current[w];
      if (batch != null && batch.size() > 0) {
        sinks[w].submit(batch);
        current[w] = null;
      }
    }
  }
}
