package se.vittne.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating a call against a policy.
 *
 * @param record whether the call is recorded for this party
 * @param rule the rule that decided
 * @param explanation the decision in words, for super users
 * @param consentBasis how the caller's consent was established, when consent was involved
 * @param policyVersion the version of the policy that decided
 */
public record Decision(
    boolean record,
    Rule rule,
    Explanation explanation,
    Optional<ConsentBasis> consentBasis,
    long policyVersion) {
  public Decision {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(consentBasis, "consentBasis");
    if (record != rule.records()) {
      throw new IllegalArgumentException("rule " + rule + " cannot decide record=" + record);
    }
  }
}
