package se.vittne.capture.sip.facts;

import java.util.Locale;
import java.util.Optional;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.capture.sip.siprec.MetadataGroup;
import se.vittne.capture.sip.siprec.MetadataSession;
import se.vittne.capture.sip.siprec.Participant;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.policy.number.NumberingPlan;

/**
 * Caller and callee from SIPREC metadata, where a vendor states them. RFC 7865 itself has no notion
 * of caller; these documented extensions do:
 *
 * <ul>
 *   <li>Oracle (Acme Packet) SBC: {@code apkt:callingParty} true/false on each participant, and the
 *       caller's {@code apkt:request-uri} (the number it dialled);
 *   <li>a {@code role} element or extension ({@code calling}/{@code caller}, {@code called}/{@code
 *       callee}) as Intrado VIPER and AudioCodes send;
 *   <li>Ribbon (Sonus) SBC: the {@code callData} extension's {@code fromhdr} and {@code tohdr}, the
 *       recorded call's own From and To.
 * </ul>
 *
 * Participant order is never taken to mean anything.
 */
final class MetadataParties {
  private MetadataParties() {}

  static Parties of(RecordingMetadata metadata, NumberingPlan plan) {
    PartyIdentity caller = null;
    PartyIdentity callee = null;
    Optional<String> dialled = Optional.empty();
    String source = null;
    for (Participant participant : metadata.participants()) {
      if (participant.aor().isEmpty()) {
        continue;
      }
      Optional<Boolean> calling =
          participant.extensionValue("callingParty").map(Boolean::parseBoolean);
      Optional<Boolean> role = participant.extensionValue("role").flatMap(MetadataParties::role);
      Optional<Boolean> isCaller = calling.or(() -> role);
      if (isCaller.isEmpty()) {
        continue;
      }
      PartyIdentity identity = identity(participant, plan);
      if (isCaller.get() && caller == null) {
        caller = identity;
        dialled = participant.extensionValue("request-uri");
      } else if (!isCaller.get() && callee == null) {
        callee = identity;
      }
      source =
          calling.isPresent()
              ? "metadata extension callingParty (Oracle SBC)"
              : "metadata participant role";
    }
    if (caller == null && callee == null) {
      return callData(metadata, plan);
    }
    return new Parties(
        Optional.ofNullable(caller),
        Optional.ofNullable(callee),
        dialled.flatMap(uri -> PartyIdentity.parse(uri, plan).number()),
        source);
  }

  private static Parties callData(RecordingMetadata metadata, NumberingPlan plan) {
    Optional<String> from = Optional.empty();
    Optional<String> to = Optional.empty();
    for (MetadataGroup group : metadata.groups()) {
      from = from.or(() -> group.extensionValue("fromhdr"));
      to = to.or(() -> group.extensionValue("tohdr"));
    }
    for (MetadataSession session : metadata.sessions()) {
      from = from.or(() -> session.extensionValue("fromhdr"));
      to = to.or(() -> session.extensionValue("tohdr"));
    }
    if (from.isEmpty() && to.isEmpty()) {
      return Parties.NONE;
    }
    return new Parties(
        from.map(f -> PartyIdentity.parse(f, plan)),
        to.map(t -> PartyIdentity.parse(t, plan)),
        Optional.empty(),
        "metadata extension callData (Ribbon SBC)");
  }

  private static PartyIdentity identity(Participant participant, NumberingPlan plan) {
    String aor = participant.aor().orElseThrow();
    String raw = participant.name().map(n -> "\"" + n + "\" <" + aor + ">").orElse(aor);
    return PartyIdentity.parse(raw, plan);
  }

  private static Optional<Boolean> role(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "calling", "caller", "originator" -> Optional.of(true);
      case "called", "callee", "terminator" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
