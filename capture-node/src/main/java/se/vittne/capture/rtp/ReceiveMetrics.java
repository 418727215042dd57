package se.vittne.capture.rtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The receive chain's counters: packets taken, by kind, and packets dropped, by {@link Drop}
 * reason. Created once, so counting is an increment of a pre-registered counter (no lookup, no
 * allocation). Thread-safe.
 */
public final class ReceiveMetrics {
  private final Counter rtp;
  private final Counter rtcp;
  private final Counter[] drops;

  public ReceiveMetrics(MeterRegistry registry) {
    this.rtp =
        Counter.builder("vittne.media.packets")
            .description("RTP and RTCP packets taken by the receive chain")
            .tag("kind", "rtp")
            .register(registry);
    this.rtcp =
        Counter.builder("vittne.media.packets")
            .description("RTP and RTCP packets taken by the receive chain")
            .tag("kind", "rtcp")
            .register(registry);
    Drop[] reasons = Drop.values();
    this.drops = new Counter[reasons.length];
    for (Drop d : reasons) {
      drops[d.ordinal()] =
          Counter.builder("vittne.media.dropped")
              .description("Packets dropped, by reason")
              .tag("reason", d.tag())
              .register(registry);
    }
  }

  public void received(boolean isRtcp) {
    (isRtcp ? rtcp : rtp).increment();
  }

  public void drop(Drop reason) {
    drops[reason.ordinal()].increment();
  }

  /** The count of a drop reason so far. */
  public long dropped(Drop reason) {
    return (long) drops[reason.ordinal()].count();
  }

  /** Packets of a kind taken so far. */
  public long packets(boolean isRtcp) {
    return (long) (isRtcp ? rtcp : rtp).count();
  }
}
