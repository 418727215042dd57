package se.vittne.capture.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Empties the outbox: archives each entry and removes it. When the database or the store is
 * unreachable the entry stays and the worker retries with a growing pause (up to {@code
 * maxBackoff}); a new entry wakes it at once.
 *
 * <p>Up to {@code parallelism} entries are archived at once, each by one thread of a small pool: an
 * archive spends most of its time waiting for the disk (the store's fsyncs) and the database's
 * commit, so calls that end together — a shift change, a trunk that hangs up all its calls — are
 * archived side by side instead of queueing behind each other's fsyncs.
 */
public final class ArchiveWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ArchiveWorker.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** Entries archived at once unless configured otherwise. */
  public static final int DEFAULT_PARALLELISM = 4;

  private final Outbox outbox;
  private final ArchiveStep archiver;
  private final int parallelism;
  private final ExecutorService pool;
  private final Clock clock;
  private final Duration maxBackoff;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicInteger depth = new AtomicInteger();
  private final Timer latency;
  private final Counter archived;
  private final Counter failures;
  private final Thread thread;
  private volatile boolean running = true;

  public ArchiveWorker(
      Outbox outbox,
      ArchiveStep archiver,
      Clock clock,
      Duration maxBackoff,
      MeterRegistry registry) {
    this(outbox, archiver, clock, maxBackoff, registry, DEFAULT_PARALLELISM);
  }

  /**
   * @param parallelism entries archived at once (at least 1); the database pool should have a
   *     connection for each
   */
  public ArchiveWorker(
      Outbox outbox,
      ArchiveStep archiver,
      Clock clock,
      Duration maxBackoff,
      MeterRegistry registry,
      int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.outbox = outbox;
    this.archiver = archiver;
    this.parallelism = parallelism;
    this.pool =
        Executors.newFixedThreadPool(
            parallelism, Thread.ofPlatform().name("archive-", 0).daemon(true).factory());
    this.clock = clock;
    this.maxBackoff = maxBackoff;
    this.latency =
        Timer.builder("vittne.archive.latency")
            .description("From the end of a session to its recordings being archived")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.archived = registry.counter("vittne.archive.sessions", "outcome", "archived");
    this.failures = registry.counter("vittne.archive.sessions", "outcome", "retry");
    Gauge.builder("vittne.archive.outbox.depth", depth, AtomicInteger::get)
        .description("Finished sessions waiting to be archived")
        .register(registry);
    this.thread = Thread.ofPlatform().name("archive-worker").daemon(true).unstarted(this::run);
  }

  public ArchiveWorker start() {
    thread.start();
    return this;
  }

  /** A new entry is waiting. */
  public void wake() {
    wake.release();
  }

  /** Finished sessions waiting in the outbox. */
  public int depth() {
    return depth.get();
  }

  private void run() {
    Duration backoff = FIRST_BACKOFF;
    while (running) {
      boolean allDone = drainOnce();
      if (allDone) {
        backoff = FIRST_BACKOFF;
      }
      try {
        wake.tryAcquire(
            allDone ? maxBackoff.toMillis() : backoff.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (!allDone) {
        backoff =
            backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                ? maxBackoff
                : backoff.multipliedBy(2);
      }
    }
  }

  /**
   * Tries every waiting entry once, up to {@code parallelism} at a time, and waits for them.
   *
   * @return whether the outbox is empty afterwards
   */
  boolean drainOnce() {
    try {
      var pending = outbox.pending();
      depth.set(pending.size());
      boolean allDone = archiveSideBySide(pending);
      depth.set(outbox.size());
      return allDone;
    } catch (IOException e) {
      log.error("cannot read the outbox", e);
      return false;
    }
  }

  /** Oldest first, each entry on a free thread of the pool as soon as one is free. */
  private boolean archiveSideBySide(List<Outbox.Entry> pending) {
    Semaphore free = new Semaphore(parallelism);
    List<Future<Boolean>> started = new ArrayList<>(pending.size());
    boolean allDone = true;
    try {
      for (Outbox.Entry entry : pending) {
        if (!running) {
          allDone = false;
          break;
        }
        free.acquire();
        try {
          started.add(
              pool.submit(() -> {
                try {
                  return archive(entry);
                } finally {
                  free.release();
                }
              }));
        } catch (RejectedExecutionException e) {
          free.release();
          allDone = false;
          break;
        }
      }
      for (Future<Boolean> f : started) {
        allDone &= f.get();
      }
      return allDone;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      log.error("archiving failed unexpectedly", e.getCause());
      return false;
    }
  }

  private boolean archive(Outbox.Entry entry) {
    MDC.put("sessionId", entry.sessionId());
    try {
      ArchiveJob job = JobJson.read(entry.job(), ArchiveJob.class);
      MDC.put("callId", job.manifest().callId());
      Path audio = entry.audio();
      archiver.archive(job, Files.exists(audio) ? Optional.of(audio) : Optional.empty());
      outbox.remove(entry);
      latency.record(Duration.between(job.end(), clock.instant()).abs());
      archived.increment();
      log.info(
          "archived session {}: {} recorded, {} not recorded",
          entry.sessionId(),
          job.manifest().parties().stream().filter(p -> p.recorded()).count(),
          job.manifest().parties().stream().filter(p -> !p.recorded()).count());
      return true;
    } catch (IOException | RuntimeException e) {
      failures.increment();
      log.warn("archiving session {} failed, will retry: {}", entry.sessionId(), e.toString());
      return false;
    } finally {
      MDC.remove("callId");
      MDC.remove("sessionId");
    }
  }

  /**
   * Stops the worker after one last pass over the outbox, so that what the node finished while
   * draining is archived now if the database and store answer; what they refuse stays in the outbox
   * for the next start.
   */
  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      if (thread.getState() != Thread.State.NEW) {
        thread.join(Duration.ofSeconds(10));
      }
      running = true;
      try {
        drainOnce();
      } finally {
        running = false;
      }
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
