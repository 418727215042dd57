package se.vittne.capture.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.policy.Decision;
import se.vittne.policy.PolicyEvaluator;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.storage.recording.CallInfo;
import se.vittne.storage.recording.PolicyOutcome;

/**
 * The policy gate for the parties of one session: decides each party with the session's policy
 * version and holds a licence for each recorded one, giving back those no longer needed.
 */
final class PartyDecider {
  static final String LICENCE_LIMIT = "LICENCE_LIMIT";
  private static final Logger log = LoggerFactory.getLogger(PartyDecider.class);

  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  private final LicenceGate licences;
  private final SessionMetrics metrics;

  PartyDecider(LicenceGate licences, SessionMetrics metrics) {
    this.licences = licences;
    this.metrics = metrics;
  }

  /**
   * Decides the parties. A party recorded before keeps its licence; a newly recorded party takes
   * one or is refused; a party no longer recorded gives its licence back.
   */
  List<PartyOutcome> decide(
      TenantId tenant,
      String sessionId,
      String callId,
      RecordingPolicy policy,
      List<CallParty> parties,
      List<PartyOutcome> before) {
    List<PartyOutcome> outcomes = new ArrayList<>();
    for (CallParty party : parties) {
      Decision decision = evaluator.evaluate(policy, party.facts());
      CallInfo call =
          new CallInfo(
              callId,
              sessionId,
              party.facts().direction(),
              party.remoteDisplay(),
              party.facts().dialledNumber(),
              party.facts().answerGroup(),
              party.facts().startTime());
      PartyOutcome outcome =
          new PartyOutcome(call, party.user(), PolicyOutcome.of(decision), Optional.empty());
      outcomes.add(licensed(tenant, outcome, before));
    }
    for (PartyOutcome old : before) {
      if (old.recorded() && outcomes.stream().noneMatch(o -> o.recorded() && same(o, old))) {
        licences.release(tenant, old.holder());
      }
    }
    return outcomes;
  }

  /** Gives back every licence the outcomes hold. */
  void releaseAll(TenantId tenant, List<PartyOutcome> outcomes) {
    for (PartyOutcome outcome : outcomes) {
      if (outcome.recorded()) {
        licences.release(tenant, outcome.holder());
      }
    }
  }

  private PartyOutcome licensed(TenantId tenant, PartyOutcome outcome, List<PartyOutcome> before) {
    if (!outcome.policy().recorded()) {
      metrics.notRecorded(outcome.policy().rule().name());
      return outcome;
    }
    if (before.stream().anyMatch(o -> o.recorded() && same(o, outcome))) {
      return outcome;
    }
    Optional<String> refused = licences.acquire(tenant, outcome.holder());
    if (refused.isEmpty()) {
      return outcome;
    }
    metrics.licenceRefused();
    metrics.notRecorded(LICENCE_LIMIT);
    log.warn(
        "not recording extension {} of call {}: {}",
        outcome.user().extension(),
        outcome.call().callId(),
        refused.get());
    return new PartyOutcome(
        outcome.call(), outcome.user(), outcome.policy(), Optional.of(LICENCE_LIMIT));
  }

  private static boolean same(PartyOutcome a, PartyOutcome b) {
    return a.holder().equals(b.holder());
  }
}
