package se.vittne.capture.sip;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Direction;
import se.vittne.policy.number.PhoneNumber;

/**
 * What signalling says outright about a call, for the policy's call facts. Each fact is empty (or
 * {@link ConsentSignal#UNKNOWN}) unless a header, the metadata or a documented vendor extension
 * states it; {@link #sources()} names where each present fact came from. Mapping identities to
 * directory users is the session layer's job.
 *
 * @param caller the party that placed the recorded call, when signalling says which one it is
 * @param callee the party that was called, likewise
 * @param recordedParty the tenant user whose side is recorded
 * @param remoteParty the other party
 * @param remoteNumber the other party's number
 * @param dialledNumber the tenant's direct number the caller dialled (DDI)
 * @param answerGroup the answer group the call came through
 * @param direction the direction seen from the recorded party
 * @param consent the caller's consent as signalled
 * @param sources for each present fact, where it came from
 */
public record SignalledFacts(
    Optional<PartyIdentity> caller,
    Optional<PartyIdentity> callee,
    Optional<PartyIdentity> recordedParty,
    Optional<PartyIdentity> remoteParty,
    Optional<PhoneNumber> remoteNumber,
    Optional<PhoneNumber> dialledNumber,
    Optional<String> answerGroup,
    Optional<Direction> direction,
    ConsentSignal consent,
    Map<Fact, String> sources) {

  /** The facts, for naming their sources. */
  public enum Fact {
    CALLER,
    CALLEE,
    RECORDED_PARTY,
    REMOTE_PARTY,
    REMOTE_NUMBER,
    DIALLED_NUMBER,
    ANSWER_GROUP,
    DIRECTION,
    CONSENT
  }

  public SignalledFacts {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(callee, "callee");
    Objects.requireNonNull(recordedParty, "recordedParty");
    Objects.requireNonNull(remoteParty, "remoteParty");
    Objects.requireNonNull(remoteNumber, "remoteNumber");
    Objects.requireNonNull(dialledNumber, "dialledNumber");
    Objects.requireNonNull(answerGroup, "answerGroup");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(consent, "consent");
    sources = Map.copyOf(sources);
  }

  /** Nothing known. */
  public static SignalledFacts unknown() {
    return new SignalledFacts(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ConsentSignal.UNKNOWN,
        Map.of());
  }
}
