package se.vittne.storage.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audit.AuditActions;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.deletion.DeletionRequest;
import se.vittne.storage.deletion.DeletionRequestRepository;
import se.vittne.storage.jobs.FaultyAudioStore.Fault;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.MutableClock;
import se.vittne.storage.testing.PostgresExtension;

class DeletionJobIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final LocalDate FAR = LocalDate.of(2099, 1, 1);

  @TempDir Path audioRoot;
  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final UUID supervisor = UUID.randomUUID();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private FaultyAudioStore store;
  private Archive archive;
  private RecordingRepository recordings;
  private DeletionRequestRepository requests;

  @BeforeEach
  void setUp() throws IOException {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    store = new FaultyAudioStore(new FileSystemAudioStore(audioRoot));
    archive = new Archive(POSTGRES.dsl(), store);
    recordings = new RecordingRepository(POSTGRES.dsl());
    requests = new DeletionRequestRepository(POSTGRES.dsl());
  }

  private DeletionJob job() {
    return new DeletionJob(
        POSTGRES.dsl(), new RecordingEraser(POSTGRES.dsl(), store, clock), clock);
  }

  private DeletionRequest request(TenantId tenant, List<UUID> ids) {
    return requests.request(
        tenant, ids, supervisor, "boss@a.example", Optional.of("GDPR"), clock.instant());
  }

  @Test
  void aRequestErasesItsRecordingsAndIsMarkedDone() {
    NewRecording r1 = archive.archive(a, FAR);
    NewRecording r2 = archive.archive(a, FAR);
    NewRecording kept = archive.archive(a, FAR);
    DeletionRequest request = request(a, List.of(r1.id(), r2.id()));

    clock.advance(Duration.ofMinutes(5));
    DeletionJob.Result result = job().runOnce();

    // the class shares one database, so the job may also finish other tests' requests
    assertThat(result.erased()).isGreaterThanOrEqualTo(2);
    assertThat(recordings.find(a, r1.id())).isEmpty();
    assertThat(recordings.find(a, r2.id())).isEmpty();
    assertThat(archive.audioExists(r1)).isFalse();
    assertThat(recordings.find(a, kept.id())).isPresent();
    DeletionRequest done = requests.find(a, request.id()).orElseThrow();
    assertThat(done.completedAt()).contains(clock.instant());
    assertThat(Duration.between(done.requestedAt(), done.completedAt().orElseThrow()))
        .isLessThan(Duration.ofHours(1));
    var history = new AuditLog(POSTGRES.dsl()).historyOf(a, r1.id());
    assertThat(history)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.entry().action()).isEqualTo(AuditActions.RECORDING_ERASED);
          assertThat(e.entry().details())
              .containsEntry("reason", "deletion request " + request.id());
        });
  }

  @Test
  void aRequestCoversOnlyTheTenantsOwnRecordings() {
    NewRecording ofA = archive.archive(a, FAR);
    NewRecording ofB = archive.archive(b, FAR);

    DeletionRequest request = request(a, List.of(ofA.id(), ofB.id(), UUID.randomUUID()));
    DeletionRequest byB =
        requests.request(
            b, List.of(ofA.id()), supervisor, "eve@b.example", Optional.empty(), clock.instant());
    assertThat(byB.recordings()).isEmpty();
    job().runOnce();

    assertThat(request.recordings()).containsExactly(ofA.id());
    assertThat(recordings.find(b, ofB.id())).isPresent();
    assertThat(archive.audioExists(ofB)).isTrue();
    assertThat(requests.find(b, request.id())).isEmpty();
    assertThat(requests.list(b, 10)).extracting(DeletionRequest::id).containsExactly(byB.id());
    assertThat(requests.list(a, 10)).extracting(DeletionRequest::id).containsExactly(request.id());
  }

  @Test
  void aCrashMidRequestIsFinishedByTheNextRun() {
    NewRecording r1 = archive.archive(a, FAR);
    DeletionRequest request = request(a, List.of(r1.id()));
    store.inject(Fault.CRASH_AFTER_DELETE);

    job().runOnce();
    assertThat(requests.find(a, request.id()).orElseThrow().pending()).isTrue();

    store.inject(Fault.NONE);
    job().runOnce();
    assertThat(requests.find(a, request.id()).orElseThrow().pending()).isFalse();
    assertThat(recordings.find(a, r1.id())).isEmpty();
    assertThat(new AuditLog(POSTGRES.dsl()).historyOf(a, r1.id())).hasSize(1);
  }

  @Test
  void theRequestItselfIsAudited() {
    NewRecording r1 = archive.archive(a, FAR);
    DeletionRequest request = request(a, List.of(r1.id()));

    var entries =
        new AuditLog(POSTGRES.dsl()).list(a, clock.instant(), clock.instant().plusSeconds(1), 10);

    assertThat(entries)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.entry().action()).isEqualTo(AuditActions.DELETION_REQUESTED);
          assertThat(e.entry().subjectId()).contains(request.id().toString());
          assertThat(e.entry().actorLogin()).contains(supervisor);
        });
    assertThat(
            new AuditLog(POSTGRES.dsl())
                .list(b, clock.instant(), clock.instant().plusSeconds(1), 10))
        .isEmpty();
  }
}
