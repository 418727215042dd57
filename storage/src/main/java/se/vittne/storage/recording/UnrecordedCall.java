package se.vittne.storage.recording;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A call, for one party, that the policy did not record: kept without audio for the "why not" trace
 * and the call counts.
 *
 * @param id its ID
 * @param call the call
 * @param user the party that would have been recorded
 * @param policy the rule that decided and why
 * @param refusal why a call the policy records was not recorded anyway, e.g. {@code LICENCE_LIMIT}
 *     empty when the policy decided
 */
public record UnrecordedCall(
    UUID id, CallInfo call, RecordedUser user, PolicyOutcome policy, Optional<String> refusal) {
  public UnrecordedCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(refusal, "refusal");
    if (policy.recorded() && refusal.isEmpty()) {
      throw new IllegalArgumentException("rule " + policy.rule() + " records the call");
    }
    if (refusal.isPresent() && !refusal.get().matches("[A-Z_]{1,40}")) {
      throw new IllegalArgumentException("a refusal is an upper-case code: " + refusal.get());
    }
  }

  /** A call the policy decided not to record. */
  public UnrecordedCall(UUID id, CallInfo call, RecordedUser user, PolicyOutcome policy) {
    this(id, call, user, policy, Optional.empty());
  }
}
