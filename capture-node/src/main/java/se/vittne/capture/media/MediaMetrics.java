package se.vittne.capture.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's gauges and counters beyond the receive chain's: sessions, streams and ports in use,
 * decode errors, spool failures and recoveries.
 */
final class MediaMetrics {
  final AtomicInteger sessions = new AtomicInteger();
  final AtomicInteger streams = new AtomicInteger();
  final AtomicInteger ports = new AtomicInteger();
  private final Counter decodeErrors;
  private final Counter spoolFailures;
  private final Counter recovered;

  private final MeterRegistry registry;

  MediaMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("vittne.media.sessions.active", sessions, AtomicInteger::get)
        .description("Recording sessions receiving media")
        .register(registry);
    Gauge.builder("vittne.media.streams.active", streams, AtomicInteger::get)
        .description("RTP streams being received")
        .register(registry);
    Gauge.builder("vittne.media.ports.in_use", ports, AtomicInteger::get)
        .description("UDP ports bound for RTP and RTCP")
        .register(registry);
    decodeErrors =
        Counter.builder("vittne.media.decode.errors")
            .description("Payloads the decoder rejected")
            .register(registry);
    spoolFailures =
        Counter.builder("vittne.media.spool.failures")
            .description("Spool writes that failed")
            .register(registry);
    recovered =
        Counter.builder("vittne.media.recordings.recovered")
            .description("Unfinished recordings repaired at start")
            .register(registry);
  }

  /** Registers the gauge of what waits in the writers' queues. */
  void handoff(java.util.List<MediaWriter> writers) {
    Gauge.builder(
            "vittne.media.handoff.queued",
            writers,
            ws -> ws.stream().mapToInt(MediaWriter::queued).sum())
        .description("Packet batches and commands waiting for the writer threads")
        .register(registry);
  }

  void decodeError() {
    decodeErrors.increment();
  }

  void spoolFailure() {
    spoolFailures.increment();
  }

  void recovered(int count) {
    recovered.increment(count);
  }
}
