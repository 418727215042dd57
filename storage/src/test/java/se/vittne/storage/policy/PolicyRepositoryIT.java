package se.vittne.storage.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.Announcement;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.DepartmentPolicy;
import se.vittne.policy.Direction;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupId;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.audit.AuditActions;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

class PolicyRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final UUID supervisor = UUID.randomUUID();
  private PolicyRepository policies;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    policies = new PolicyRepository(POSTGRES.dsl());
  }

  /** A policy that sets every field: the guide's example plus one of everything. */
  static RecordingPolicy everything(TenantId tenant) {
    return RecordingPolicy.builder(tenant)
        .departments(
            new DepartmentPolicy(
                DirectionRule.on(
                    Set.of(new DepartmentId("Försäljning"), new DepartmentId("Kundtjänst"))),
                DirectionRule.OFF,
                new DirectionRule(true, Set.of(new DepartmentId("Försäljning")), true)))
        .approveDirectNumber(PhoneNumber.ofE164("+46850500000"))
        .group(new GroupId("ivr-yes"), GroupPolicy.ALWAYS_RECORD_APPROVED_VIA_IVR)
        .group(new GroupId("ivr-no"), GroupPolicy.NEVER_RECORD_REFUSED_VIA_IVR)
        .group(new GroupId("support"), GroupPolicy.ALWAYS_RECORD)
        .excludeNumber(PhoneNumber.ofE164("+46701234567"))
        .paused(true)
        .announcement(Announcement.CALLER_AND_AGENT)
        .build();
  }

  @Test
  void aTenantWithoutAppliedVersionsHasTheEmptyPolicy() {
    assertThat(policies.applied(a)).isEqualTo(RecordingPolicy.empty(a));
    assertThat(policies.draft(a)).isEmpty();
    assertThat(policies.draftOrApplied(a)).isEqualTo(RecordingPolicy.empty(a));
  }

  @Test
  void aDraftRoundTripsExactlyAndIsNotInForce() {
    RecordingPolicy draft = everything(a);

    policies.saveDraft(a, draft, supervisor, AT);

    assertThat(policies.draft(a)).contains(draft);
    assertThat(policies.applied(a)).isEqualTo(RecordingPolicy.empty(a));
  }

  @Test
  void applyingTheDraftMakesItTheNextVersionAndDropsTheDraft() {
    policies.saveDraft(a, everything(a), supervisor, AT);

    AppliedPolicy first = policies.applyDraft(a, supervisor, "boss@a.example", AT);
    policies.saveDraft(a, first.policy().toBuilder().paused(false).build(), supervisor, AT);
    AppliedPolicy second = policies.applyDraft(a, supervisor, "boss@a.example", AT.plusSeconds(60));

    assertThat(first.policy()).isEqualTo(everything(a).toBuilder().version(1).build());
    assertThat(second.policy().version()).isEqualTo(2);
    assertThat(policies.applied(a)).isEqualTo(second.policy());
    assertThat(policies.applied(a).paused()).isFalse();
    assertThat(policies.version(a, 1)).contains(first);
    assertThat(policies.history(a)).containsExactly(second, first);
    assertThat(policies.draft(a)).isEmpty();
    assertThat(policies.latest(a).orElseThrow().appliedBy()).contains(supervisor);
    assertThat(new AuditLog(POSTGRES.dsl()).list(a, AT, AT.plusSeconds(61), 10))
        .extracting(r -> r.entry().action())
        .containsExactly(AuditActions.POLICY_APPLIED, AuditActions.POLICY_APPLIED);
  }

  @Test
  void cancelDropsTheDraftAndKeepsTheAppliedPolicy() {
    policies.apply(a, everything(a), supervisor, "boss", AT);
    policies.saveDraft(a, RecordingPolicy.empty(a), supervisor, AT);

    assertThat(policies.cancelDraft(a)).isTrue();
    assertThat(policies.cancelDraft(a)).isFalse();
    assertThat(policies.draftOrApplied(a).version()).isEqualTo(1);
  }

  @Test
  void applyingWithoutADraftIsRefused() {
    assertThatThrownBy(() -> policies.applyDraft(a, supervisor, "boss", AT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void concurrentAppliesGetDistinctVersions() throws Exception {
    var threads = new java.util.ArrayList<Thread>();
    for (int i = 0; i < 8; i++) {
      threads.add(
          Thread.ofVirtual().start(() -> policies.apply(a, everything(a), supervisor, "boss", AT)));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(policies.history(a))
        .extracting(p -> p.policy().version())
        .containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
  }

  @Test
  void oneTenantCanNeitherReadNorChangeAnothersPolicy() {
    policies.apply(a, everything(a), supervisor, "boss", AT);
    policies.saveDraft(a, everything(a), supervisor, AT);

    assertThat(policies.applied(b)).isEqualTo(RecordingPolicy.empty(b));
    assertThat(policies.latest(b)).isEmpty();
    assertThat(policies.version(b, 1)).isEmpty();
    assertThat(policies.history(b)).isEmpty();
    assertThat(policies.draft(b)).isEmpty();
    assertThat(policies.draftOrApplied(b)).isEqualTo(RecordingPolicy.empty(b));
    assertThat(policies.cancelDraft(b)).isFalse();
    assertThatThrownBy(() -> policies.saveDraft(b, everything(a), supervisor, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policies.apply(b, everything(a), supervisor, "x", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policies.applyDraft(b, supervisor, "x", AT))
        .isInstanceOf(IllegalStateException.class);
    assertThat(policies.draft(a)).isPresent();
    assertThat(policies.applied(a).version()).isEqualTo(1);
  }

  @Test
  void theDocumentIsStableForEqualPolicies() {
    RecordingPolicy p =
        everything(a).toBuilder().direction(Direction.INTERNAL, DirectionRule.OFF).build();
    assertThat(PolicyJson.write(p)).isEqualTo(PolicyJson.write(everything(a)));
    assertThat(PolicyJson.read(a, 0, PolicyJson.write(p))).isEqualTo(p);
    assertThat(Optional.of(PolicyJson.write(p)))
        .hasValueSatisfying(json -> assertThat(json).contains("\"format\":1"));
  }
}
