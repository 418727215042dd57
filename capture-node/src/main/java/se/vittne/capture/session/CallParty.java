package se.vittne.capture.session;

import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.CallFacts;
import se.vittne.storage.recording.RecordedUser;

/**
 * One party of a call whose side may be recorded: the facts the policy decides on and the user as a
 * recording row keeps them.
 *
 * @param facts the call facts, seen from this party
 * @param user the party as the directory knows it (or as signalled, when it does not)
 * @param remoteDisplay the other party as shown in the recordings list: its E.164 number, or what
 *     signalling gave (an extension, "anonymous") when it is not a number
 */
public record CallParty(CallFacts facts, RecordedUser user, Optional<String> remoteDisplay) {
  public CallParty {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(remoteDisplay, "remoteDisplay");
  }
}
