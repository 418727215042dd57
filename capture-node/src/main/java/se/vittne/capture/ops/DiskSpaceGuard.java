package se.vittne.capture.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new recording sessions before the spool disk fills: running calls keep writing into the
 * reserve, new ones are answered 503 so that the SBC tries another node. The free space is sampled
 * by {@link #refresh()} on a timer, never on the call path.
 */
public final class DiskSpaceGuard implements HealthCheck {
  private static final Logger log = LoggerFactory.getLogger(DiskSpaceGuard.class);

  private final Path spool;
  private final long minimumFreeBytes;
  private final AtomicLong usableBytes = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean admitting = true;

  /**
   * @param spool the spool directory whose file system is watched
   * @param minimumFreeBytes below this much usable space no new session is admitted
   */
  public DiskSpaceGuard(Path spool, long minimumFreeBytes, MeterRegistry registry) {
    if (minimumFreeBytes < 0) {
      throw new IllegalArgumentException("minimum free bytes must not be negative");
    }
    this.spool = spool;
    this.minimumFreeBytes = minimumFreeBytes;
    Gauge.builder("vittne.spool.usable.bytes", usableBytes, AtomicLong::get)
        .description("Usable space on the spool file system")
        .baseUnit("bytes")
        .register(registry);
    refresh();
  }

  /** Samples the file system; call every few seconds. */
  public void refresh() {
    try {
      FileStore store = Files.getFileStore(spool);
      long usable = store.getUsableSpace();
      usableBytes.set(usable);
      boolean admit = usable >= minimumFreeBytes;
      if (admit != admitting) {
        if (admit) {
          log.info("spool disk has {} bytes free again: admitting new sessions", usable);
        } else {
          log.warn(
              "spool disk has {} bytes free, below the reserve of {}: refusing new sessions",
              usable,
              minimumFreeBytes);
        }
      }
      admitting = admit;
    } catch (IOException e) {
      log.error("cannot read free space of spool {}: refusing new sessions", spool, e);
      admitting = false;
    }
  }

  /** Whether a new session may start. */
  public boolean admitsNewSessions() {
    return admitting;
  }

  @Override
  public HealthStatus check() {
    String detail = usableBytes.get() + " bytes usable, reserve " + minimumFreeBytes;
    return admitting
        ? HealthStatus.up("spool-disk", detail)
        : HealthStatus.down("spool-disk", detail);
  }
}
