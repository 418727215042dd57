package se.vittne.storage.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

class PolicyChangeListenerIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final BlockingQueue<PolicyChange> changes = new LinkedBlockingQueue<>();
  private PolicyRepository policies;

  @BeforeEach
  void setUp() {
    new TenantRepository(POSTGRES.dsl()).create(tenant, TenantSettings.defaults("A", 5));
    policies = new PolicyRepository(POSTGRES.dsl());
  }

  private void apply() {
    policies.apply(tenant, RecordingPolicy.empty(tenant), null, "boss", Instant.now());
  }

  @Test
  void anAppliedPolicyReachesTheListener() throws Exception {
    try (var listener =
        PolicyChangeListener.start(POSTGRES.database().config(), changes::add, () -> {})) {
      apply();
      // how fast is for a benchmark to say; a shared CI machine may take its time
      PolicyChange change = changes.poll(30, TimeUnit.SECONDS);

      assertThat(change).isNotNull();
      assertThat(change.tenant()).isEqualTo(tenant);
      assertThat(change.version()).isEqualTo(policies.applied(tenant).version());
    }
  }

  @Test
  void aRolledBackApplyNotifiesNobody() throws Exception {
    try (var listener =
        PolicyChangeListener.start(POSTGRES.database().config(), changes::add, () -> {})) {
      try {
        POSTGRES
            .dsl()
            .transaction(c -> {
              new PolicyRepository(org.jooq.impl.DSL.using(c))
                  .apply(tenant, RecordingPolicy.empty(tenant), null, "boss", Instant.now());
              throw new IllegalStateException("roll back");
            });
      } catch (IllegalStateException expected) {
        // the apply was rolled back
      }
      assertThat(changes.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void theListenerReconnectsAfterLosingItsConnectionAndSaysSo() throws Exception {
    CountDownLatch reconnected = new CountDownLatch(1);
    try (var listener =
        PolicyChangeListener.start(
            POSTGRES.database().config(), changes::add, reconnected::countDown)) {
      long killed =
          POSTGRES
              .dsl()
              .fetchSingle(
                  "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                      + " where application_name = ?",
                  PolicyChangeListener.APPLICATION_NAME)
              .get(0, Long.class);
      assertThat(killed).isEqualTo(1L);

      assertThat(reconnected.await(10, TimeUnit.SECONDS)).isTrue();
      apply();
      assertThat(changes.poll(30, TimeUnit.SECONDS))
          .isNotNull()
          .extracting(PolicyChange::tenant)
          .isEqualTo(tenant);
    }
  }

  @Test
  void payloadsParse() {
    assertThat(PolicyChange.parse(tenant + " 12")).isEqualTo(new PolicyChange(tenant, 12));
  }
}
