package se.vittne.capture.session;

import java.util.Objects;
import java.util.Optional;
import se.vittne.storage.recording.CallInfo;
import se.vittne.storage.recording.PolicyOutcome;
import se.vittne.storage.recording.RecordedUser;

/**
 * What was decided for one party of a session, in the form it is archived in.
 *
 * @param call the call as the party's row keeps it
 * @param user the party
 * @param policy the policy's decision
 * @param refusal why a call the policy records is not recorded anyway (the licence limit), if so
 */
public record PartyOutcome(
    CallInfo call, RecordedUser user, PolicyOutcome policy, Optional<String> refusal) {
  public PartyOutcome {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(refusal, "refusal");
  }

  /** Whether this party's side is recorded and archived. */
  public boolean recorded() {
    return policy.recorded() && refusal.isEmpty();
  }

  /** The licence holder name of this party's recording. */
  public String holder() {
    return call.sessionId() + "/" + user.extension();
  }
}
