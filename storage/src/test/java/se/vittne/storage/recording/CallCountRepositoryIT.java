package se.vittne.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.Direction;
import se.vittne.policy.Explanation;
import se.vittne.policy.Rule;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

class CallCountRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant START = Instant.parse("2026-11-27T09:15:00Z");
  private static final SearchPeriod.Interval DAY =
      SearchPeriod.Interval.days(
          LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28), TenantSettings.DEFAULT_TIME_ZONE);

  @Test
  void countsRecordedAndUnrecordedCallsPerDirectionWithinTheScopeAndTenant() {
    TenantId a = new TenantId(UUID.randomUUID());
    TenantId b = new TenantId(UUID.randomUUID());
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    var recordings = new RecordingRepository(POSTGRES.dsl());
    recordings.insert(a, Recordings.recording("201", START));
    recordings.insert(a, Recordings.recording("201", START.plusSeconds(600)));
    recordings.insert(a, Recordings.recording("202", START));
    recordings.insert(b, Recordings.recording("201", START));
    var base = Recordings.recording("201", START);
    new UnrecordedCallRepository(POSTGRES.dsl())
        .insert(
            a,
            new UnrecordedCall(
                UUID.randomUUID(),
                new CallInfo(
                    "c",
                    "s",
                    Direction.INCOMING,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    START),
                base.user(),
                new PolicyOutcome(Rule.NO_RULE, new Explanation("sv", "en"), 1, Optional.empty())));
    var counts = new CallCountRepository(POSTGRES.dsl());

    CallCounts whole = counts.count(a, RecordingScope.wholeTenant(), DAY);
    CallCounts own = counts.count(a, RecordingScope.ownExtension("202"), DAY);
    CallCounts ofB = counts.count(b, RecordingScope.wholeTenant(), DAY);

    assertThat(whole.recorded().get(Direction.OUTGOING)).isEqualTo(3);
    assertThat(whole.notRecorded().get(Direction.INCOMING)).isEqualTo(1);
    assertThat(whole.total(Direction.INTERNAL)).isZero();
    assertThat(own.recorded().get(Direction.OUTGOING)).isEqualTo(1);
    assertThat(own.notRecorded().get(Direction.INCOMING)).isZero();
    assertThat(ofB.recorded().get(Direction.OUTGOING)).isEqualTo(1);
    assertThat(ofB.notRecorded().get(Direction.INCOMING)).isZero();
  }
}
