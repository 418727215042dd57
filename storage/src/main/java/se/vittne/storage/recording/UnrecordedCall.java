package se.vittne.storage.recording;

import java.util.Objects;
import java.util.UUID;

/**
 * A call, for one party, that the policy did not record: kept without audio for the "why not" trace
 * and the call counts.
 *
 * @param id its ID
 * @param call the call
 * @param user the party that would have been recorded
 * @param policy the rule that decided and why
 */
public record UnrecordedCall(UUID id, CallInfo call, RecordedUser user, PolicyOutcome policy) {
  public UnrecordedCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(policy, "policy");
    if (policy.recorded()) {
      throw new IllegalArgumentException("rule " + policy.rule() + " records the call");
    }
  }
}
