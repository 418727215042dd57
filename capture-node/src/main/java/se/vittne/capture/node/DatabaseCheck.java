package se.vittne.capture.node;

import java.sql.Connection;
import se.vittne.capture.ops.HealthCheck;
import se.vittne.capture.ops.HealthStatus;
import se.vittne.storage.db.Database;

/**
 * Whether the database answers, sampled on a timer so that the readiness probe stays quick. A node
 * without its database still records (the outbox keeps the recordings), so this is reported for
 * operators and alerting.
 */
final class DatabaseCheck implements HealthCheck {
  private static final int TIMEOUT_SECONDS = 2;

  private final Database database;
  private volatile HealthStatus last = HealthStatus.up("database", "not checked yet");

  DatabaseCheck(Database database, io.micrometer.core.instrument.MeterRegistry registry) {
    this.database = database;
    io.micrometer.core.instrument.Gauge.builder(
            "vittne.database.up", this, c -> c.last.healthy() ? 1 : 0)
        .description("Whether the database answered the last check")
        .register(registry);
  }

  void refresh() {
    try (Connection connection = database.dataSource().getConnection()) {
      last =
          connection.isValid(TIMEOUT_SECONDS)
              ? HealthStatus.up("database", "reachable")
              : HealthStatus.down("database", "connection not valid");
    } catch (Exception e) {
      last = HealthStatus.down("database", e.getClass().getSimpleName());
    }
  }

  @Override
  public HealthStatus check() {
    return last;
  }
}
