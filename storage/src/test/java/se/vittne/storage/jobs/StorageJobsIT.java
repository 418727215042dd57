package se.vittne.storage.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.deletion.DeletionRequestRepository;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

/** The jobs scheduled for real by db-scheduler, on two "nodes" sharing one database. */
class StorageJobsIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @TempDir Path audioRoot;

  @Test
  void twoNodesCarryOutRetentionAndDeletionOnce() throws Exception {
    TenantId tenant = new TenantId(UUID.randomUUID());
    new TenantRepository(POSTGRES.dsl()).create(tenant, TenantSettings.defaults("A", 5));
    var store = new FileSystemAudioStore(audioRoot);
    var archive = new Archive(POSTGRES.dsl(), store);
    NewRecording expired = archive.archive(tenant, LocalDate.of(2020, 1, 1));
    NewRecording deleted = archive.archive(tenant, LocalDate.of(2099, 1, 1));
    new DeletionRequestRepository(POSTGRES.dsl())
        .request(
            tenant,
            List.of(deleted.id()),
            UUID.randomUUID(),
            "boss",
            Optional.empty(),
            Clock.systemUTC().instant());
    var intervals =
        new StorageJobs.Intervals(
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200));

    try (StorageJobs first = node(store, intervals);
        StorageJobs second = node(store, intervals)) {
      awaitGone(tenant, expired, deleted);
    }

    var audit = new AuditLog(POSTGRES.dsl());
    assertThat(audit.historyOf(tenant, expired.id())).hasSize(1);
    assertThat(audit.historyOf(tenant, deleted.id())).hasSize(1);
    assertThat(archive.audioExists(expired)).isFalse();
    assertThat(archive.audioExists(deleted)).isFalse();
  }

  @Test
  void deletionMustRunWellWithinTheHour() {
    assertThat(StorageJobs.Intervals.PRODUCTION.deletion())
        .isLessThanOrEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() ->
            new StorageJobs.Intervals(
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StorageJobs node(FileSystemAudioStore store, StorageJobs.Intervals intervals) {
    Clock clock = Clock.systemUTC();
    var eraser = new RecordingEraser(POSTGRES.dsl(), store, clock);
    return StorageJobs.start(
        POSTGRES.dataSource(),
        new RetentionJob(POSTGRES.dsl(), eraser, clock),
        new DeletionJob(POSTGRES.dsl(), eraser, clock),
        intervals);
  }

  private static void awaitGone(TenantId tenant, NewRecording... recordings)
      throws InterruptedException {
    var repository = new RecordingRepository(POSTGRES.dsl());
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (NewRecording r : recordings) {
      while (repository.find(tenant, r.id()).isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(repository.find(tenant, r.id())).as("recording %s erased", r.id()).isEmpty();
    }
  }
}
