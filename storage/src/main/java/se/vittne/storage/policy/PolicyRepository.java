package se.vittne.storage.policy;

import static se.vittne.storage.jooq.Tables.POLICY_DRAFT;
import static se.vittne.storage.jooq.Tables.POLICY_VERSION;
import static se.vittne.storage.jooq.Tables.TENANT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditActions;
import se.vittne.storage.audit.AuditEntry;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.jooq.tables.records.PolicyVersionRecord;

/**
 * A tenant's policy: the applied versions (kept for ever, the newest in force) and one draft (R-3x:
 * edits are a draft until Apply; Cancel drops it).
 */
public final class PolicyRepository {
  private final DSLContext dsl;

  public PolicyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The policy in force: the newest applied version, or the empty policy (records nothing). */
  public RecordingPolicy applied(TenantId tenant) {
    return latest(tenant).map(AppliedPolicy::policy).orElseGet(() -> RecordingPolicy.empty(tenant));
  }

  /** The newest applied version with who applied it and when. */
  public Optional<AppliedPolicy> latest(TenantId tenant) {
    return dsl.selectFrom(POLICY_VERSION)
        .where(POLICY_VERSION.TENANT_ID.eq(tenant.value()))
        .orderBy(POLICY_VERSION.VERSION.desc())
        .limit(1)
        .fetchOptional()
        .map(r -> read(tenant, r));
  }

  /** One applied version. */
  public Optional<AppliedPolicy> version(TenantId tenant, long version) {
    return dsl.selectFrom(POLICY_VERSION)
        .where(POLICY_VERSION.TENANT_ID.eq(tenant.value()))
        .and(POLICY_VERSION.VERSION.eq(version))
        .fetchOptional()
        .map(r -> read(tenant, r));
  }

  /** Every applied version, newest first. */
  public List<AppliedPolicy> history(TenantId tenant) {
    return dsl.selectFrom(POLICY_VERSION)
        .where(POLICY_VERSION.TENANT_ID.eq(tenant.value()))
        .orderBy(POLICY_VERSION.VERSION.desc())
        .fetch(r -> read(tenant, r));
  }

  /** The saved draft, if there is one. */
  public Optional<RecordingPolicy> draft(TenantId tenant) {
    return dsl.select(POLICY_DRAFT.DOCUMENT, POLICY_DRAFT.BASED_ON)
        .from(POLICY_DRAFT)
        .where(POLICY_DRAFT.TENANT_ID.eq(tenant.value()))
        .fetchOptional(r -> PolicyJson.read(tenant, r.value2(), r.value1().data()));
  }

  /** The draft, or the applied policy when there is no draft: what the editor starts from. */
  public RecordingPolicy draftOrApplied(TenantId tenant) {
    return draft(tenant).orElseGet(() -> applied(tenant));
  }

  /** Saves the draft, replacing the previous one. */
  public void saveDraft(TenantId tenant, RecordingPolicy draft, UUID by, Instant at) {
    requireTenant(tenant, draft);
    JSONB document = JSONB.valueOf(PolicyJson.write(draft));
    var when = at.atOffset(ZoneOffset.UTC);
    dsl.insertInto(POLICY_DRAFT)
        .set(POLICY_DRAFT.TENANT_ID, tenant.value())
        .set(POLICY_DRAFT.BASED_ON, draft.version())
        .set(POLICY_DRAFT.DOCUMENT, document)
        .set(POLICY_DRAFT.UPDATED_BY, by)
        .set(POLICY_DRAFT.UPDATED_AT, when)
        .onConflict(POLICY_DRAFT.TENANT_ID)
        .doUpdate()
        .set(POLICY_DRAFT.BASED_ON, draft.version())
        .set(POLICY_DRAFT.DOCUMENT, document)
        .set(POLICY_DRAFT.UPDATED_BY, by)
        .set(POLICY_DRAFT.UPDATED_AT, when)
        .execute();
  }

  /** Drops the draft (Cancel); false when there was none. */
  public boolean cancelDraft(TenantId tenant) {
    return dsl.deleteFrom(POLICY_DRAFT).where(POLICY_DRAFT.TENANT_ID.eq(tenant.value())).execute()
        == 1;
  }

  /**
   * Applies the draft (Apply): it becomes the next version, the draft is dropped, the act is
   * audited, and every listener is notified when the transaction commits.
   *
   * @throws IllegalStateException when there is no draft
   */
  public AppliedPolicy applyDraft(TenantId tenant, UUID by, String actor, Instant at) {
    return applyDraft(tenant, by, actor, at, Map.of());
  }

  /**
   * Like {@link #applyDraft(TenantId, UUID, String, Instant)}, adding {@code context} (such as the
   * client's address) to the audit entry's details.
   */
  public AppliedPolicy applyDraft(
      TenantId tenant, UUID by, String actor, Instant at, Map<String, Object> context) {
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      RecordingPolicy draft =
          new PolicyRepository(tx)
              .draft(tenant)
              .orElseThrow(() -> new IllegalStateException("there is no draft to apply"));
      AppliedPolicy applied = new PolicyRepository(tx).apply(tenant, draft, by, actor, at, context);
      tx.deleteFrom(POLICY_DRAFT).where(POLICY_DRAFT.TENANT_ID.eq(tenant.value())).execute();
      return applied;
    });
  }

  /** Applies a policy directly as the next version (imports, the demo, tests). */
  public AppliedPolicy apply(
      TenantId tenant, RecordingPolicy policy, UUID by, String actor, Instant at) {
    return apply(tenant, policy, by, actor, at, Map.of());
  }

  /** Like {@link #apply(TenantId, RecordingPolicy, UUID, String, Instant)}, with audit context. */
  public AppliedPolicy apply(
      TenantId tenant,
      RecordingPolicy policy,
      UUID by,
      String actor,
      Instant at,
      Map<String, Object> context) {
    requireTenant(tenant, policy);
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      // the tenant's row lock orders concurrent applies, so version numbers never collide
      tx.selectOne().from(TENANT).where(TENANT.ID.eq(tenant.value())).forUpdate().fetchSingle();
      long next =
          tx.select(DSL.coalesce(DSL.max(POLICY_VERSION.VERSION), 0L))
                  .from(POLICY_VERSION)
                  .where(POLICY_VERSION.TENANT_ID.eq(tenant.value()))
                  .fetchSingle()
                  .value1()
              + 1;
      RecordingPolicy versioned = policy.toBuilder().version(next).build();
      tx.insertInto(POLICY_VERSION)
          .set(POLICY_VERSION.TENANT_ID, tenant.value())
          .set(POLICY_VERSION.VERSION, next)
          .set(POLICY_VERSION.DOCUMENT, JSONB.valueOf(PolicyJson.write(versioned)))
          .set(POLICY_VERSION.APPLIED_BY, by)
          .set(POLICY_VERSION.APPLIED_AT, at.atOffset(ZoneOffset.UTC))
          .execute();
      new AuditLog(tx)
          .append(
              tenant,
              AuditEntry.onSubject(
                  at,
                  Optional.ofNullable(by),
                  actor,
                  AuditActions.POLICY_APPLIED,
                  "policy",
                  Long.toString(next),
                  details(context, next)));
      return new AppliedPolicy(versioned, Optional.ofNullable(by), at);
    });
  }

  private static Map<String, Object> details(Map<String, Object> context, long version) {
    Map<String, Object> details = new java.util.HashMap<>(context);
    details.put("version", version);
    return details;
  }

  private static void requireTenant(TenantId tenant, RecordingPolicy policy) {
    if (!policy.tenant().equals(tenant)) {
      throw new IllegalArgumentException("the policy belongs to another tenant");
    }
  }

  private static AppliedPolicy read(TenantId tenant, PolicyVersionRecord r) {
    return new AppliedPolicy(
        PolicyJson.read(tenant, r.getVersion(), r.getDocument().data()),
        Optional.ofNullable(r.getAppliedBy()),
        r.getAppliedAt().toInstant());
  }
}
