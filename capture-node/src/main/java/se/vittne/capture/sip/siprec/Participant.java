package se.vittne.capture.sip.siprec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code participant} (RFC 7865 section 6.5) with its stream associations.
 *
 * @param id the participant_id (or {@code id})
 * @param aor the address of record as written: a {@code sip:}, {@code sips:} or {@code tel:} URI, a
 *     bare {@code user@host} or bare digits
 * @param name the display name, if given and not blank
 * @param send ids of the streams the participant sends
 * @param recv ids of the streams the participant receives
 * @param associateTime when the participant joined, as written
 * @param disassociateTime when the participant left, as written; present once it left
 * @param extensions the participant's extension data (including unknown child elements such as
 *     {@code role})
 */
public record Participant(
    String id,
    Optional<String> aor,
    Optional<String> name,
    List<String> send,
    List<String> recv,
    Optional<String> associateTime,
    Optional<String> disassociateTime,
    List<ExtensionData> extensions) {
  public Participant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(name, "name");
    send = List.copyOf(send);
    recv = List.copyOf(recv);
    Objects.requireNonNull(associateTime, "associateTime");
    Objects.requireNonNull(disassociateTime, "disassociateTime");
    extensions = List.copyOf(extensions);
  }

  /** An extension leaf value by local name, if present, e.g. {@code callingParty}. */
  public Optional<String> extensionValue(String localName) {
    return Extensions.value(extensions, localName);
  }

  /** Whether the participant has left the session. */
  public boolean departed() {
    return disassociateTime.isPresent();
  }

  Participant mergedWith(Participant update) {
    return new Participant(
        id,
        update.aor.or(() -> aor),
        update.name.or(() -> name),
        update.send.isEmpty() ? send : update.send,
        update.recv.isEmpty() ? recv : update.recv,
        update.associateTime.or(() -> associateTime),
        update.disassociateTime.or(() -> disassociateTime),
        update.extensions.isEmpty() ? extensions : update.extensions);
  }
}
