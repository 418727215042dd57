package se.vittne.storage.recording;

import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.ConsentBasis;
import se.vittne.policy.Decision;
import se.vittne.policy.Explanation;
import se.vittne.policy.Rule;

/**
 * The policy decision as stored with a call: enough to show a super user why it was or was not
 * recorded, in both languages, and under which policy version.
 */
public record PolicyOutcome(
    Rule rule, Explanation explanation, long policyVersion, Optional<ConsentBasis> consentBasis) {
  public PolicyOutcome {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(consentBasis, "consentBasis");
  }

  public static PolicyOutcome of(Decision decision) {
    return new PolicyOutcome(
        decision.rule(), decision.explanation(), decision.policyVersion(), decision.consentBasis());
  }

  public boolean recorded() {
    return rule.records();
  }
}
