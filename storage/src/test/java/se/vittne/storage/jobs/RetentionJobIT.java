package se.vittne.storage.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.policy.Explanation;
import se.vittne.policy.Rule;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audit.AuditActions;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.audit.AuditRecord;
import se.vittne.storage.jobs.FaultyAudioStore.Fault;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.PolicyOutcome;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.RecordingState;
import se.vittne.storage.recording.UnrecordedCall;
import se.vittne.storage.recording.UnrecordedCallRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.MutableClock;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

class RetentionJobIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  // 23:30 in Stockholm on 30 November: the day before the expiry date used below
  private static final Instant EVENING_BEFORE = Instant.parse("2026-11-30T22:30:00Z");
  private static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2026-11-30T23:30:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 1);

  @TempDir Path audioRoot;
  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final MutableClock clock = new MutableClock(EVENING_BEFORE);
  private FaultyAudioStore store;
  private Archive archive;
  private RecordingRepository recordings;
  private AuditLog audit;

  @BeforeEach
  void setUp() throws IOException {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    store = new FaultyAudioStore(new FileSystemAudioStore(audioRoot));
    archive = new Archive(POSTGRES.dsl(), store);
    recordings = new RecordingRepository(POSTGRES.dsl());
    audit = new AuditLog(POSTGRES.dsl());
  }

  private RetentionJob job() {
    return new RetentionJob(
        POSTGRES.dsl(), new RecordingEraser(POSTGRES.dsl(), store, clock), clock);
  }

  private List<AuditRecord> erasures(TenantId tenant, NewRecording r) {
    return audit.historyOf(tenant, r.id()).stream()
        .filter(e -> e.entry().action().equals(AuditActions.RECORDING_ERASED))
        .toList();
  }

  @Test
  void erasesARecordingWhenItsExpiryDateComesInTheTenantsTimeZone() {
    NewRecording expiring = archive.archive(a, EXPIRY);
    NewRecording later = archive.archive(b, EXPIRY.plusDays(1));

    assertThat(job().runOnce().erased()).isZero();
    assertThat(recordings.find(a, expiring.id())).isPresent();

    clock.set(JUST_AFTER_MIDNIGHT);
    RetentionJob.Result result = job().runOnce();

    assertThat(result.erased()).isEqualTo(1);
    assertThat(recordings.find(a, expiring.id())).isEmpty();
    assertThat(archive.audioExists(expiring)).isFalse();
    assertThat(erasures(a, expiring))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.entry().actor()).isEqualTo("system:retention");
          assertThat(e.entry().details()).containsEntry("reason", "retention");
          assertThat(e.entry().at()).isEqualTo(JUST_AFTER_MIDNIGHT);
        });
    assertThat(recordings.find(b, later.id())).isPresent();
    assertThat(archive.audioExists(later)).isTrue();
  }

  @Test
  void aCrashBetweenErasingTheFileAndTheRowIsFinishedByTheNextRun() {
    clock.set(JUST_AFTER_MIDNIGHT);
    NewRecording r = archive.archive(a, EXPIRY);
    store.inject(Fault.CRASH_AFTER_DELETE);

    assertThat(job().runOnce().failed()).isEqualTo(1);
    assertThat(archive.audioExists(r)).isFalse();
    assertThat(recordings.find(a, r.id()).orElseThrow().state()).isEqualTo(RecordingState.ERASING);
    assertThat(erasures(a, r)).isEmpty();

    store.inject(Fault.NONE);
    assertThat(job().runOnce().erased()).isEqualTo(1);

    assertThat(recordings.find(a, r.id())).isEmpty();
    assertThat(erasures(a, r)).hasSize(1);
  }

  @Test
  void aStoreOutageBeforeTheFileWentIsFinishedByTheNextRun() {
    clock.set(JUST_AFTER_MIDNIGHT);
    NewRecording r = archive.archive(a, EXPIRY);
    store.inject(Fault.FAIL_BEFORE_DELETE);

    assertThat(job().runOnce().failed()).isEqualTo(1);
    assertThat(archive.audioExists(r)).isTrue();

    store.inject(Fault.NONE);
    job().runOnce();

    assertThat(archive.audioExists(r)).isFalse();
    assertThat(recordings.find(a, r.id())).isEmpty();
    assertThat(erasures(a, r)).hasSize(1);
  }

  @Test
  void aSecondRunErasesNothingMoreAndAuditsNothingMore() {
    clock.set(JUST_AFTER_MIDNIGHT);
    NewRecording r = archive.archive(a, EXPIRY);

    job().runOnce();
    RetentionJob.Result again = job().runOnce();

    assertThat(again.erased()).isZero();
    assertThat(erasures(a, r)).hasSize(1);
  }

  @Test
  void nodesRunningRetentionAtOnceEraseEachRecordingOnce() {
    clock.set(JUST_AFTER_MIDNIGHT);
    List<NewRecording> expired =
        IntStream.range(0, 40).mapToObj(i -> archive.archive(a, EXPIRY)).toList();

    var first = CompletableFuture.supplyAsync(() -> job().runOnce());
    var second = CompletableFuture.supplyAsync(() -> job().runOnce());

    assertThat(first.join().erased() + second.join().erased()).isEqualTo(40);
    for (NewRecording r : expired) {
      assertThat(recordings.find(a, r.id())).isEmpty();
      assertThat(erasures(a, r)).hasSize(1);
    }
  }

  @Test
  void notRecordedRowsGoWhenTheTenantsRetentionHasPassed() {
    var unrecorded = new UnrecordedCallRepository(POSTGRES.dsl());
    NewRecording base = Recordings.recording("201", Instant.parse("2026-08-01T10:00:00Z"));
    UUID old =
        unrecorded.insert(
            a,
            new UnrecordedCall(
                UUID.randomUUID(),
                base.call(),
                base.user(),
                new PolicyOutcome(Rule.NO_RULE, new Explanation("sv", "en"), 1, Optional.empty())));
    clock.set(Instant.parse("2026-10-29T10:00:00Z")); // 89 days later

    assertThat(job().runOnce().unrecordedRemoved()).isZero();
    clock.set(Instant.parse("2026-10-31T10:00:00Z")); // 91 days later
    assertThat(job().runOnce().unrecordedRemoved()).isEqualTo(1);
    assertThat(unrecorded.find(a, old)).isEmpty();
  }
}
