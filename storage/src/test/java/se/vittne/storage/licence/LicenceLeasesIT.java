package se.vittne.storage.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.MutableClock;
import se.vittne.storage.testing.PostgresExtension;

class LicenceLeasesIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Duration TTL = Duration.ofSeconds(30);

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  // the class shares one database: node names are unique to each test
  private final String n1 = "n1-" + UUID.randomUUID();
  private final String n2 = "n2-" + UUID.randomUUID();
  private LicenceLeases leases;
  private TenantRepository tenants;

  @BeforeEach
  void setUp() {
    tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 2));
    leases = new LicenceLeases(POSTGRES.dsl(), clock);
  }

  @Test
  void manyThreadsOnSeveralNodesNeverExceedTheLicenceCount() throws Exception {
    int threads = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<LeaseResult>> calls = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String holder = "call-" + i;
      String node = "node-" + (i % 4);
      LeaseKind kind = i % 2 == 0 ? LeaseKind.RECORDING : LeaseKind.LISTENING;
      calls.add(() -> {
        start.await();
        return leases.acquire(a, holder, kind, node, TTL);
      });
    }
    List<Future<LeaseResult>> futures = calls.stream().map(pool::submit).toList();
    start.countDown();
    int granted = 0;
    for (Future<LeaseResult> f : futures) {
      granted += f.get().granted() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(granted).isEqualTo(5);
    LicenceUsage usage = leases.usage(a);
    assertThat(usage.inUse()).isEqualTo(5);
    assertThat(usage.refusedRecordings() + usage.refusedListening()).isEqualTo(35);
  }

  @Test
  void aRefusalSaysWhyAndAReleaseFreesALicence() {
    leases.acquire(b, "r1", LeaseKind.RECORDING, n1, TTL);
    leases.acquire(b, "r2", LeaseKind.LISTENING, n1, TTL);

    LeaseResult refused = leases.acquire(b, "r3", LeaseKind.LISTENING, n2, TTL);
    assertThat(refused).isEqualTo(new LeaseResult.Refused(2, 2, "all 2 licences are in use"));

    assertThat(leases.release(b, "r1")).isTrue();
    assertThat(leases.acquire(b, "r3", LeaseKind.LISTENING, n2, TTL).granted()).isTrue();
    assertThat(leases.usage(b)).isEqualTo(new LicenceUsage(2, 0, 2, 0, 1));
  }

  @Test
  void askingAgainRenewsInsteadOfTakingASecondLicence() {
    leases.acquire(b, "r1", LeaseKind.RECORDING, n1, TTL);
    clock.advance(Duration.ofSeconds(20));

    LeaseResult again = leases.acquire(b, "r1", LeaseKind.RECORDING, n1, TTL);

    assertThat(again)
        .isInstanceOfSatisfying(
            LeaseResult.Granted.class,
            g -> assertThat(g.lease().expiresAt()).isEqualTo(clock.instant().plus(TTL)));
    assertThat(leases.usage(b).inUse()).isEqualTo(1);
  }

  @Test
  void leasesOfADeadNodeLapseUnlessRenewed() {
    leases.acquire(b, "dead-1", LeaseKind.RECORDING, n1, TTL);
    leases.acquire(b, "live-1", LeaseKind.RECORDING, n2, TTL);
    clock.advance(Duration.ofSeconds(20));
    assertThat(leases.renewNode(n2, TTL)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(15));

    assertThat(leases.renew(b, "dead-1", TTL)).isFalse();
    assertThat(leases.usage(b).inUse()).isEqualTo(1);
    assertThat(leases.acquire(b, "new", LeaseKind.LISTENING, n2, TTL).granted()).isTrue();
    // acquire already cleared the tenant's stale lease
    assertThat(leases.release(b, "dead-1")).isFalse();
  }

  @Test
  void aRestartedNodeDropsWhatItHeld() {
    leases.acquire(b, "r1", LeaseKind.RECORDING, n1, TTL);
    leases.acquire(a, "r2", LeaseKind.RECORDING, n1, TTL);
    leases.acquire(a, "r3", LeaseKind.RECORDING, n2, TTL);

    assertThat(leases.releaseNode(n1)).isEqualTo(2);
    assertThat(leases.usage(a).inUse()).isEqualTo(1);
    assertThat(leases.usage(b).inUse()).isZero();
  }

  @Test
  void expireStaleRemovesOnlyLapsedLeases() {
    leases.acquire(b, "old", LeaseKind.RECORDING, n1, Duration.ofSeconds(5));
    leases.acquire(b, "new", LeaseKind.RECORDING, n1, Duration.ofMinutes(5));
    clock.advance(Duration.ofSeconds(10));

    assertThat(leases.expireStale()).isPositive();
    assertThat(leases.release(b, "old")).isFalse();
    assertThat(leases.renew(b, "new", TTL)).isTrue();
  }

  @Test
  void anInactiveOrUnknownTenantGetsNoLicence() {
    tenants.update(
        b,
        new TenantSettings(
            "B",
            2,
            "46",
            TenantSettings.DEFAULT_TIME_ZONE,
            90,
            false,
            se.vittne.storage.tenant.OfficeHours.WEEKDAYS_8_TO_17,
            false));

    assertThat(leases.acquire(b, "r1", LeaseKind.RECORDING, n1, TTL).granted()).isFalse();
    assertThat(
            leases
                .acquire(new TenantId(UUID.randomUUID()), "r1", LeaseKind.RECORDING, n1, TTL)
                .granted())
        .isFalse();
  }

  @Test
  void oneTenantsLeasesNeitherCountForNorCanBeTouchedByAnother() {
    leases.acquire(a, "shared-name", LeaseKind.RECORDING, n1, TTL);
    leases.acquire(a, "second", LeaseKind.RECORDING, n1, TTL);

    assertThat(leases.release(b, "shared-name")).isFalse();
    assertThat(leases.renew(b, "second", TTL)).isFalse();
    assertThat(leases.usage(b).inUse()).isZero();
    // the same holder name is a different lease in B
    assertThat(leases.acquire(b, "shared-name", LeaseKind.RECORDING, n1, TTL).granted()).isTrue();
    assertThat(leases.usage(a).inUse()).isEqualTo(2);
  }
}
