package se.vittne.admin.policy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.policy.PolicyViews.AppliedView;
import se.vittne.admin.policy.PolicyViews.DirectionView;
import se.vittne.admin.policy.PolicyViews.DraftView;
import se.vittne.admin.policy.PolicyViews.PolicyDocument;
import se.vittne.admin.policy.PolicyViews.PolicyOverview;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.Announcement;
import se.vittne.policy.Direction;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupId;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.policy.AppliedPolicy;
import se.vittne.storage.policy.PolicyRepository;

/**
 * The policy draft and its versions (R-3x). Every edit starts from the draft, or from the applied
 * policy when there is none, and saves the draft; only {@link #apply} makes a new version, which
 * storage audits and announces to capture nodes. Departments, answer groups and approved direct
 * numbers must be the tenant's own; numbers are normalised with the tenant's numbering plan.
 */
public final class PolicyService {
  private final PolicyDocuments documents;
  private final PolicyRepository policies;
  private final Auditor auditor;
  private final Clock clock;

  public PolicyService(DSLContext dsl, Auditor auditor, Clock clock) {
    this.documents = new PolicyDocuments(dsl);
    this.policies = new PolicyRepository(dsl);
    this.auditor = auditor;
    this.clock = clock;
  }

  public PolicyOverview overview(TenantId tenant) {
    Optional<RecordingPolicy> draft = policies.draft(tenant);
    return new PolicyOverview(
        applied(tenant),
        draft.map(d -> new DraftView(true, d.version(), PolicyDocument.of(d))).orElse(null));
  }

  public AppliedView applied(TenantId tenant) {
    return policies
        .latest(tenant)
        .map(AppliedView::of)
        .orElseGet(() -> AppliedView.empty(RecordingPolicy.empty(tenant)));
  }

  public List<AppliedView> versions(TenantId tenant) {
    return policies.history(tenant).stream().map(AppliedView::of).toList();
  }

  public AppliedView version(TenantId tenant, long version) {
    return policies
        .version(tenant, version)
        .map(AppliedView::of)
        .orElseThrow(() -> new ProblemException.NotFound("No such policy version."));
  }

  public DraftView draft(TenantId tenant) {
    Optional<RecordingPolicy> draft = policies.draft(tenant);
    RecordingPolicy shown = draft.orElseGet(() -> policies.applied(tenant));
    return new DraftView(draft.isPresent(), shown.version(), PolicyDocument.of(shown));
  }

  /** Replaces the whole draft. */
  public DraftView replace(Principal actor, ClientInfo client, PolicyDocument document) {
    TenantId tenant = actor.tenantId();
    RecordingPolicy base = policies.draftOrApplied(tenant);
    Checks checks = new Checks();
    RecordingPolicy draft = documents.read(checks, tenant, base, document);
    checks.orThrow();
    return save(actor, client, draft, Map.of("change", "replaced"));
  }

  public DraftView direction(
      Principal actor, ClientInfo client, Direction direction, DirectionView rule) {
    TenantId tenant = actor.tenantId();
    Checks checks = new Checks();
    DirectionRule read = documents.rule(checks, tenant, "", rule);
    checks.orThrow();
    return edit(
        actor,
        client,
        p -> p.toBuilder().direction(direction, read).build(),
        Map.of("change", "departments", "direction", direction.name()));
  }

  public DraftView group(Principal actor, ClientInfo client, String group, GroupPolicy policy) {
    TenantId tenant = actor.tenantId();
    Checks checks = new Checks();
    GroupId id = documents.groupKey(checks, tenant, "group", group);
    checks.notNull("policy", policy);
    checks.orThrow();
    return edit(
        actor,
        client,
        p -> p.toBuilder().group(id, policy).build(),
        Map.of("change", "group", "group", id.value(), "policy", policy.name()));
  }

  public DraftView approve(Principal actor, ClientInfo client, String number) {
    TenantId tenant = actor.tenantId();
    Checks checks = new Checks();
    PhoneNumber n = documents.directNumber(checks, tenant, "number", number);
    checks.orThrow();
    return edit(
        actor,
        client,
        p -> p.toBuilder().approveDirectNumber(n).build(),
        Map.of("change", "approved-number-added", "number", n.e164()));
  }

  public DraftView unapprove(Principal actor, ClientInfo client, String number) {
    PhoneNumber n = present(actor, number, RecordingPolicy::approvedDirectNumbers);
    return edit(
        actor,
        client,
        p -> p.toBuilder().removeApprovedDirectNumber(n).build(),
        Map.of("change", "approved-number-removed", "number", n.e164()));
  }

  public DraftView exclude(Principal actor, ClientInfo client, String number) {
    TenantId tenant = actor.tenantId();
    Checks checks = new Checks();
    PhoneNumber n = PolicyDocuments.number(checks, documents.plan(tenant), "number", number);
    checks.orThrow();
    return edit(
        actor,
        client,
        p -> p.toBuilder().excludeNumber(n).build(),
        Map.of("change", "excluded-number-added", "number", n.e164()));
  }

  public DraftView unexclude(Principal actor, ClientInfo client, String number) {
    PhoneNumber n = present(actor, number, RecordingPolicy::excludedNumbers);
    return edit(
        actor,
        client,
        p -> p.toBuilder().removeExcludedNumber(n).build(),
        Map.of("change", "excluded-number-removed", "number", n.e164()));
  }

  public DraftView pause(Principal actor, ClientInfo client, Boolean paused) {
    Checks checks = new Checks();
    checks.notNull("paused", paused);
    checks.orThrow();
    return edit(
        actor,
        client,
        p -> p.toBuilder().paused(paused).build(),
        Map.of("change", "paused", "paused", paused));
  }

  public DraftView announcement(Principal actor, ClientInfo client, Announcement announcement) {
    Checks checks = new Checks();
    checks.notNull("announcement", announcement);
    checks.orThrow();
    return edit(
        actor,
        client,
        p -> p.toBuilder().announcement(announcement).build(),
        Map.of("change", "announcement", "announcement", announcement.name()));
  }

  /** Apply: the draft becomes the next version, audited and announced to capture nodes. */
  public AppliedView apply(Principal actor, ClientInfo client) {
    TenantId tenant = actor.tenantId();
    if (policies.draft(tenant).isEmpty()) {
      throw new ProblemException.Conflict(
          "no-draft", "No draft", "There is no draft to apply; edit the policy first.");
    }
    try {
      AppliedPolicy applied =
          policies.applyDraft(
              tenant,
              actor.login(),
              actor.email(),
              clock.instant(),
              Map.of("address", client.address()));
      return AppliedView.of(applied);
    } catch (IllegalStateException e) {
      throw new ProblemException.Conflict(
          "no-draft", "No draft", "There is no draft to apply; it was applied or cancelled.");
    }
  }

  /** Cancel: drops the draft. */
  public void cancel(Principal actor, ClientInfo client) {
    if (!policies.cancelDraft(actor.tenantId())) {
      throw new ProblemException.NotFound("There is no draft to cancel.");
    }
    auditor.record(
        actor, client, AdminAuditActions.POLICY_DRAFT_CANCELLED, "policy", "draft", Map.of());
  }

  private DraftView edit(
      Principal actor,
      ClientInfo client,
      UnaryOperator<RecordingPolicy> change,
      Map<String, Object> details) {
    RecordingPolicy base = policies.draftOrApplied(actor.tenantId());
    return save(actor, client, change.apply(base), details);
  }

  private DraftView save(
      Principal actor, ClientInfo client, RecordingPolicy draft, Map<String, Object> details) {
    policies.saveDraft(actor.tenantId(), draft, actor.login(), clock.instant());
    auditor.record(
        actor, client, AdminAuditActions.POLICY_DRAFT_CHANGED, "policy", "draft", details);
    return draft(actor.tenantId());
  }

  private PhoneNumber present(
      Principal actor,
      String raw,
      java.util.function.Function<RecordingPolicy, Set<PhoneNumber>> numbers) {
    Optional<PhoneNumber> n = PhoneNumber.tryParse(raw, documents.plan(actor.tenantId()));
    if (n.isEmpty()
        || !numbers.apply(policies.draftOrApplied(actor.tenantId())).contains(n.get())) {
      throw new ProblemException.NotFound("The number is not on the list.");
    }
    return n.get();
  }

  /** The tenant's numbering plan, for numbers written without a country code. */
  NumberingPlan plan(TenantId tenant) {
    return documents.plan(tenant);
  }
}
