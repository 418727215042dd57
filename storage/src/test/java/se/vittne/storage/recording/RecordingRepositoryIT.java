package se.vittne.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.vittne.storage.testing.Recordings.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.ConsentBasis;
import se.vittne.policy.Direction;
import se.vittne.policy.Explanation;
import se.vittne.policy.GroupId;
import se.vittne.policy.Rule;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

class RecordingRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant START = Instant.parse("2026-11-27T09:15:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private RecordingRepository recordings;
  private UnrecordedCallRepository unrecorded;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    recordings = new RecordingRepository(POSTGRES.dsl());
    unrecorded = new UnrecordedCallRepository(POSTGRES.dsl());
  }

  @Test
  void aRecordingRoundTripsExactly() {
    NewRecording base = recording("201", START);
    NewRecording full =
        new NewRecording(
            base.id(),
            new CallInfo(
                "call-x",
                "session-x",
                Direction.INCOMING,
                Optional.of("+46812345678"),
                Optional.of(PhoneNumber.ofE164("+46850500000")),
                Optional.of(new GroupId("support")),
                START),
            new RecordedUser(
                Optional.empty(),
                "201",
                Optional.of("Anna Andersson"),
                Optional.of(UUID.randomUUID()),
                Optional.of(UUID.randomUUID()),
                Optional.of(UUID.randomUUID()),
                Optional.of(UUID.randomUUID())),
            base.end(),
            base.audio(),
            new PolicyOutcome(
                Rule.GROUP_APPROVED_VIA_IVR,
                new Explanation("sv", "en"),
                7,
                Optional.of(ConsentBasis.GRANTED_VIA_IVR_GROUP)),
            base.quality(),
            true,
            LocalDate.of(2027, 2, 25));

    recordings.insert(a, full);
    Recording stored = recordings.find(a, full.id()).orElseThrow();

    assertThat(stored.call()).isEqualTo(full.call());
    assertThat(stored.user()).isEqualTo(full.user());
    assertThat(stored.audio()).isEqualTo(full.audio());
    assertThat(stored.policy()).isEqualTo(full.policy());
    assertThat(stored.quality()).isEqualTo(full.quality());
    assertThat(stored.end()).isEqualTo(full.end());
    assertThat(stored.recovered()).isTrue();
    assertThat(stored.expiresOn()).isEqualTo(LocalDate.of(2027, 2, 25));
    assertThat(stored.state()).isEqualTo(RecordingState.ACTIVE);
    assertThat(stored.tenant()).isEqualTo(a);
  }

  @Test
  void aRetriedArchiveFindsTheFirstRowInsteadOfAddingOne() {
    NewRecording first = recording("201", START);
    NewRecording retry =
        new NewRecording(
            UUID.randomUUID(),
            first.call(),
            first.user(),
            first.end(),
            first.audio(),
            first.policy(),
            first.quality(),
            true,
            first.expiresOn());

    var inserted = recordings.insert(a, first);
    var retried = recordings.insert(a, retry);

    assertThat(inserted).isEqualTo(new RecordingRepository.Inserted(first.id(), true));
    assertThat(retried).isEqualTo(new RecordingRepository.Inserted(first.id(), false));
    assertThat(recordings.find(a, retry.id())).isEmpty();
  }

  @Test
  void twoRecordedUsersOfOneCallGetARowEach() {
    NewRecording anna = recording("201", START);
    NewRecording bo =
        new NewRecording(
            UUID.randomUUID(),
            anna.call(),
            RecordedUser.unknown("202"),
            anna.end(),
            anna.audio(),
            anna.policy(),
            anna.quality(),
            false,
            anna.expiresOn());

    assertThat(recordings.insert(a, anna).created()).isTrue();
    assertThat(recordings.insert(a, bo).created()).isTrue();
  }

  @Test
  void theExpiryDateCanBeChanged() {
    NewRecording r = recording("201", START);
    recordings.insert(a, r);

    assertThat(recordings.updateExpiry(a, r.id(), LocalDate.of(2030, 1, 1))).isTrue();
    assertThat(recordings.find(a, r.id()).orElseThrow().expiresOn())
        .isEqualTo(LocalDate.of(2030, 1, 1));
  }

  @Test
  void expiryIsTheLocalStartDatePlusRetention() {
    // 23:30 UTC on 31 December is already 1 January in Stockholm
    assertThat(
            NewRecording.expiryFor(
                Instant.parse("2026-12-31T23:30:00Z"), TenantSettings.DEFAULT_TIME_ZONE, 90))
        .isEqualTo(LocalDate.of(2027, 1, 1).plusDays(90));
  }

  @Test
  void anotherTenantCanNeitherFindNorChangeARecording() {
    NewRecording r = recording("201", START);
    recordings.insert(a, r);

    assertThat(recordings.find(b, r.id())).isEmpty();
    assertThat(recordings.updateExpiry(b, r.id(), LocalDate.of(2020, 1, 1))).isFalse();
    assertThat(recordings.find(a, r.id()).orElseThrow().expiresOn()).isEqualTo(r.expiresOn());
  }

  @Test
  void theSameSessionInAnotherTenantIsAnotherRecording() {
    NewRecording r = recording("201", START);
    recordings.insert(a, r);
    NewRecording sameSessionOfB =
        new NewRecording(
            UUID.randomUUID(),
            r.call(),
            r.user(),
            r.end(),
            r.audio(),
            r.policy(),
            r.quality(),
            false,
            r.expiresOn());

    var inserted = recordings.insert(b, sameSessionOfB);

    assertThat(inserted.created()).isTrue();
    assertThat(inserted.id()).isNotEqualTo(r.id());
    assertThat(recordings.find(a, r.id()).orElseThrow().tenant()).isEqualTo(a);
  }

  @Test
  void unrecordedCallsKeepTheRuleAndAreIdempotentAndTenantScoped() {
    NewRecording r = recording("201", START);
    var call =
        new UnrecordedCall(
            UUID.randomUUID(),
            r.call(),
            r.user(),
            new PolicyOutcome(
                Rule.EXCLUDED_NUMBER,
                new Explanation("Numret är undantaget.", "The number is excluded."),
                3,
                Optional.empty()));

    UUID id = unrecorded.insert(a, call);
    UUID again =
        unrecorded.insert(
            a, new UnrecordedCall(UUID.randomUUID(), call.call(), call.user(), call.policy()));

    assertThat(again).isEqualTo(id);
    assertThat(unrecorded.find(a, id)).contains(call);
    assertThat(unrecorded.find(b, id)).isEmpty();
    var day =
        SearchPeriod.Interval.days(
            LocalDate.of(2026, 11, 27),
            LocalDate.of(2026, 11, 28),
            TenantSettings.DEFAULT_TIME_ZONE);
    assertThat(unrecorded.list(a, day, 10)).containsExactly(call);
    assertThat(unrecorded.list(b, day, 10)).isEmpty();
  }

  @Test
  void aCallThePolicyRecordsKeepsTheRefusalThatStoppedIt() {
    NewRecording r = recording("202", START);
    var refused =
        new UnrecordedCall(
            UUID.randomUUID(), r.call(), r.user(), r.policy(), Optional.of("LICENCE_LIMIT"));

    UUID id = unrecorded.insert(a, refused);

    assertThat(unrecorded.find(a, id)).contains(refused);
    assertThat(unrecorded.find(a, id).orElseThrow().refusal()).contains("LICENCE_LIMIT");
    assertThatThrownBy(() -> new UnrecordedCall(UUID.randomUUID(), r.call(), r.user(), r.policy()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("records the call");
  }
}
