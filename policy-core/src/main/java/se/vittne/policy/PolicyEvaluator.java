package se.vittne.policy;

import java.util.Optional;

/**
 * Evaluates one call, for one recorded party, against one policy version.
 *
 * <p>The "never" rules are checked first, in the order of {@link Rule}, then the "always" rules;
 * when none applies the call is not recorded. The evaluator is stateless and thread-safe, does no
 * I/O and allocates only the decision.
 */
public final class PolicyEvaluator {

  public Decision evaluate(RecordingPolicy policy, CallFacts call) {
    if (!policy.tenant().equals(call.tenant())) {
      throw new IllegalArgumentException(
          "policy of tenant " + policy.tenant() + " cannot decide a call of " + call.tenant());
    }
    Rule rule = decidingRule(policy, call);
    return new Decision(
        rule.records(),
        rule,
        Explanations.of(rule, policy, call),
        consentBasis(rule, call),
        policy.version());
  }

  private static Rule decidingRule(RecordingPolicy policy, CallFacts call) {
    Rule never = neverRule(policy, call);
    return never != null ? never : alwaysRule(policy, call);
  }

  private static Rule neverRule(RecordingPolicy policy, CallFacts call) {
    if (!call.party().recordingEnabled()) {
      return Rule.RECORDING_DISABLED_FOR_USER;
    }
    if (call.remoteNumber().isPresent()
        && policy.excludedNumbers().contains(call.remoteNumber().get())) {
      return Rule.EXCLUDED_NUMBER;
    }
    GroupPolicy group = groupPolicy(policy, call);
    if (group == GroupPolicy.NEVER_RECORD) {
      return Rule.GROUP_NEVER;
    }
    if (group == GroupPolicy.NEVER_RECORD_REFUSED_VIA_IVR) {
      return Rule.GROUP_REFUSED_VIA_IVR;
    }
    if (call.consent() == ConsentSignal.REFUSED) {
      return Rule.CONSENT_REFUSED;
    }
    if (policy.paused()) {
      return Rule.PAUSED;
    }
    return null;
  }

  private static Rule alwaysRule(RecordingPolicy policy, CallFacts call) {
    // "Always" group rules are the group policy for incoming calls; "never" group rules
    // apply to every call through the group, so that no other direction can bypass a refusal.
    if (call.direction() == Direction.INCOMING) {
      GroupPolicy group = groupPolicy(policy, call);
      if (group == GroupPolicy.ALWAYS_RECORD) {
        return Rule.GROUP_ALWAYS;
      }
      if (group == GroupPolicy.ALWAYS_RECORD_APPROVED_VIA_IVR) {
        return Rule.GROUP_APPROVED_VIA_IVR;
      }
    }
    if (call.dialledNumber().isPresent()
        && policy.approvedDirectNumbers().contains(call.dialledNumber().get())) {
      return Rule.APPROVED_DIRECT_NUMBER;
    }
    if (policy.departments().rule(call.direction()).selects(call.party())) {
      return Rule.DEPARTMENT_POLICY;
    }
    return Rule.NO_RULE;
  }

  private static GroupPolicy groupPolicy(RecordingPolicy policy, CallFacts call) {
    return call.answerGroup().isEmpty()
        ? GroupPolicy.NOT_APPLICABLE
        : policy.groupPolicy(call.answerGroup().get());
  }

  private static Optional<ConsentBasis> consentBasis(Rule rule, CallFacts call) {
    return switch (rule) {
      case GROUP_REFUSED_VIA_IVR -> Optional.of(ConsentBasis.REFUSED_VIA_IVR_GROUP);
      case CONSENT_REFUSED -> Optional.of(ConsentBasis.REFUSED_SIGNALLED_BY_PBX);
      case GROUP_ALWAYS, APPROVED_DIRECT_NUMBER, DEPARTMENT_POLICY ->
          call.consent() == ConsentSignal.GRANTED
              ? Optional.of(ConsentBasis.GRANTED_SIGNALLED_BY_PBX)
              : Optional.empty();
      case GROUP_APPROVED_VIA_IVR ->
          Optional.of(
              call.consent() == ConsentSignal.GRANTED
                  ? ConsentBasis.GRANTED_SIGNALLED_BY_PBX
                  : ConsentBasis.GRANTED_VIA_IVR_GROUP);
      default -> Optional.empty();
    };
  }
}
