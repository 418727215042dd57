package se.vittne.capture.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.session.SessionManifest;
import se.vittne.policy.TenantId;

class ArchiveWorkerTest {
  @TempDir Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** A step that takes a while, as an fsync does, and remembers how many ran at once. */
  private static final class SlowStep implements ArchiveStep {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final Set<String> archived = ConcurrentHashMap.newKeySet();
    final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public void archive(ArchiveJob job, java.util.Optional<Path> audio) throws IOException {
      int now = running.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      if (failing.contains(job.manifest().sessionId())) {
        throw new IOException("database down");
      }
      archived.add(job.manifest().sessionId());
    }
  }

  private Outbox outboxWith(int entries) throws IOException {
    Outbox outbox = new Outbox(dir.resolve("outbox"));
    TenantId tenant = new TenantId(UUID.randomUUID());
    for (int i = 0; i < entries; i++) {
      SessionManifest manifest =
          new SessionManifest(
              tenant, "s" + i, "c" + i, Instant.now(), ZoneId.of("UTC"), 30, List.of());
      outbox.add(
          new ArchiveJob(
              manifest, Instant.now(), Duration.ZERO, 1, 8000, List.of(), List.of(), false, "", 0),
          null);
    }
    return outbox;
  }

  private ArchiveWorker worker(Outbox outbox, ArchiveStep step, int parallelism) {
    return new ArchiveWorker(
        outbox, step, Clock.systemUTC(), Duration.ofSeconds(1), registry, parallelism);
  }

  @Test
  void entriesAreArchivedSideBySideAndRemoved() throws IOException {
    Outbox outbox = outboxWith(8);
    SlowStep step = new SlowStep();
    try (ArchiveWorker worker = worker(outbox, step, 4)) {
      assertThat(worker.drainOnce()).isTrue();
    }
    assertThat(step.archived).hasSize(8);
    assertThat(step.mostAtOnce.get()).isBetween(2, 4);
    assertThat(outbox.size()).isZero();
    assertThat(registry.get("vittne.archive.latency").timer().count()).isEqualTo(8);
  }

  @Test
  void aFailingEntryStaysForTheRetryWhileTheOthersAreArchived() throws IOException {
    Outbox outbox = outboxWith(6);
    SlowStep step = new SlowStep();
    step.failing.add("s3");
    try (ArchiveWorker worker = worker(outbox, step, 4)) {
      assertThat(worker.drainOnce()).isFalse();
      assertThat(outbox.pending()).extracting(Outbox.Entry::sessionId).containsExactly("s3");

      step.failing.clear();
      assertThat(worker.drainOnce()).isTrue();
    }
    assertThat(step.archived).hasSize(6);
    assertThat(outbox.size()).isZero();
  }

  @Test
  void parallelismOneArchivesInTurn() throws IOException {
    Outbox outbox = outboxWith(3);
    SlowStep step = new SlowStep();
    try (ArchiveWorker worker = worker(outbox, step, 1)) {
      assertThat(worker.drainOnce()).isTrue();
    }
    assertThat(step.mostAtOnce.get()).isEqualTo(1);
    assertThat(outbox.size()).isZero();
  }

  @Test
  void closingArchivesWhatIsStillWaitingSideBySide() throws IOException {
    Outbox outbox = outboxWith(5);
    SlowStep step = new SlowStep();
    worker(outbox, step, 4).close();

    assertThat(step.archived).hasSize(5);
    assertThat(outbox.size()).isZero();
  }
}
