package se.vittne.admin.policy;

import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import se.vittne.admin.policy.PolicyViews.ExplanationView;
import se.vittne.admin.policy.PolicyViews.PartyView;
import se.vittne.admin.policy.PolicyViews.SimulationRequest;
import se.vittne.admin.policy.PolicyViews.SimulationResult;
import se.vittne.admin.policy.PolicyViews.Target;
import se.vittne.admin.server.Checks;
import se.vittne.policy.CallFacts;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Decision;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.GroupId;
import se.vittne.policy.PolicyEvaluator;
import se.vittne.policy.RecordedParty;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.policy.PolicyRepository;

/**
 * The "test call" of R-37: a hypothetical call evaluated by the same {@link PolicyEvaluator} the
 * capture nodes use, against the draft or the applied policy, with the rule that decided and the
 * explanation in Swedish and English. A user named by extension is looked up in the directory as a
 * capture node would; one it does not know is never recorded.
 */
public final class PolicySimulator {
  private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

  private final DSLContext dsl;
  private final PolicyService policies;
  private final Clock clock;

  public PolicySimulator(DSLContext dsl, PolicyService policies, Clock clock) {
    this.dsl = dsl;
    this.policies = policies;
    this.clock = clock;
  }

  public SimulationResult simulate(TenantId tenant, SimulationRequest request) {
    Checks checks = new Checks();
    checks.notNull("direction", request.direction());
    Target against = request.against() == null ? Target.DRAFT : request.against();
    Optional<String> extension = checks.optional("extension", request.extension(), 64);
    Optional<String> department = checks.optional("department", request.department(), 200);
    Optional<String> groupKey = checks.optional("answerGroup", request.answerGroup(), 200);
    boolean byExtension = extension.isPresent();
    if (byExtension == department.isPresent() && checks.ok()) {
      checks.add(
          "extension",
          "required",
          "Name the recorded user by extension, or describe them by department (one of the two).");
    }
    NumberingPlan plan = policies.plan(tenant);
    Optional<PhoneNumber> remote =
        optionalNumber(checks, plan, "remoteNumber", request.remoteNumber());
    Optional<PhoneNumber> dialled =
        optionalNumber(checks, plan, "dialledNumber", request.dialledNumber());
    checks.orThrow();
    Optional<GroupId> group = groupKey.map(GroupId::new);

    RecordedParty party;
    boolean known = true;
    if (byExtension) {
      Optional<DirectoryUser> user = new UserRepository(dsl).byExtension(tenant, extension.get());
      known = user.isPresent();
      party =
          user.map(DirectoryUser::toRecordedParty)
              .orElseGet(() -> RecordedParty.unknown(extension.get()));
    } else {
      party =
          new RecordedParty(
              "-",
              department.map(DepartmentId::new),
              request.recordingEnabled() == null || request.recordingEnabled());
    }
    PolicyRepository repository = new PolicyRepository(dsl);
    RecordingPolicy policy =
        against == Target.APPLIED ? repository.applied(tenant) : repository.draftOrApplied(tenant);
    CallFacts.Builder call =
        CallFacts.builder(tenant, request.direction(), party)
            .consent(request.consent() == null ? ConsentSignal.UNKNOWN : request.consent())
            .startTime(clock.instant());
    remote.ifPresent(call::remoteNumber);
    dialled.ifPresent(call::dialledNumber);
    group.ifPresent(call::answerGroup);
    Decision decision = EVALUATOR.evaluate(policy, call.build());
    return new SimulationResult(
        decision.record(),
        decision.rule(),
        new ExplanationView(decision.explanation().swedish(), decision.explanation().english()),
        decision.consentBasis().orElse(null),
        decision.policyVersion(),
        against,
        new PartyView(
            byExtension ? party.extension() : null,
            party.department().map(DepartmentId::value).orElse(null),
            party.recordingEnabled(),
            byExtension && known),
        remote.map(PhoneNumber::e164).orElse(null),
        dialled.map(PhoneNumber::e164).orElse(null));
  }

  private static Optional<PhoneNumber> optionalNumber(
      Checks checks, NumberingPlan plan, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(PolicyDocuments.number(checks, plan, field, raw));
  }
}
