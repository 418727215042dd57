package se.vittne.capture.sip.facts;

import java.util.Optional;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.policy.number.PhoneNumber;

/** Caller, callee and dialled number as one source states them, and which source that is. */
record Parties(
    Optional<PartyIdentity> caller,
    Optional<PartyIdentity> callee,
    Optional<PhoneNumber> dialled,
    String source) {
  static final Parties NONE = new Parties(Optional.empty(), Optional.empty(), Optional.empty(), "");
}
