package se.vittne.capture.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** The session layer's meters. */
final class SessionMetrics {
  private final MeterRegistry registry;
  private final Counter licenceRefusals;

  SessionMetrics(MeterRegistry registry, Supplier<Number> activeSessions) {
    this.registry = registry;
    this.licenceRefusals =
        Counter.builder("vittne.licence.refusals")
            .description("Recordings not made because the tenant's licences were all in use")
            .register(registry);
    Gauge.builder("vittne.sessions.active", activeSessions)
        .description("Recording sessions in progress")
        .register(registry);
  }

  void offer(String outcome) {
    registry.counter("vittne.sessions.offers", "outcome", outcome).increment();
  }

  void notRecorded(String reason) {
    registry.counter("vittne.parties.not.recorded", "reason", reason).increment();
  }

  void recorded() {
    registry.counter("vittne.parties.recorded").increment();
  }

  void licenceRefused() {
    licenceRefusals.increment();
  }
}
