package se.vittne.capture.rtp;

/**
 * The bounded hand-off to one writer thread. Both methods are called on event loops and never
 * block.
 */
public interface BatchSink {

  /** An empty batch to fill, or null when all are in flight (the writer is behind). */
  PacketBatch acquire();

  /** Passes a filled batch to the writer; the writer returns it to the pool when done. */
  void submit(PacketBatch batch);
}
