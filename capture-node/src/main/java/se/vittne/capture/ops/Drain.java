package se.vittne.capture.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful draining: once started, new sessions are refused (the SIP layer answers 503 so
 * the SBC fails over), and the node waits for running sessions to end, up to a timeout.
 */
public final class Drain implements HealthCheck {
  private static final Logger log = LoggerFactory.getLogger(Drain.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final IntSupplier activeSessions;
  private volatile boolean draining;

  public Drain(IntSupplier activeSessions) {
    this.activeSessions = activeSessions;
  }

  /** Whether new sessions are refused. */
  public boolean draining() {
    return draining;
  }

  /**
   * Starts draining and waits until no session is active or the timeout passes.
   *
   * @return the number of sessions still active when it returned
   */
  public int drain(Duration timeout) throws InterruptedException {
    draining = true;
    Instant deadline = Instant.now().plus(timeout);
    int active = activeSessions.getAsInt();
    log.info("draining: refusing new sessions, waiting up to {} for {} active", timeout, active);
    while (active > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(POLL);
      active = activeSessions.getAsInt();
    }
    if (active > 0) {
      log.warn("drain timeout: {} sessions still active are ended now", active);
    } else {
      log.info("drained: no active sessions");
    }
    return active;
  }

  @Override
  public HealthStatus check() {
    return draining
        ? HealthStatus.down("drain", "draining, " + activeSessions.getAsInt() + " sessions left")
        : HealthStatus.up("drain", "accepting sessions");
  }
}
