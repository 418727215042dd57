package se.vittne.capture.sip.facts;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.capture.sip.SessionKind;
import se.vittne.capture.sip.SignalledFacts;
import se.vittne.capture.sip.SignalledFacts.Fact;
import se.vittne.capture.sip.SipIdentities;
import se.vittne.capture.sip.VittneHeaders;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Direction;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;

/**
 * Derives {@link SignalledFacts} from an INVITE's headers and SIPREC metadata. Precedence, for each
 * fact: an explicit {@code X-Vittne-*} header; then what the metadata or the vendor's documented
 * extension states; then, for plain forked legs only, the standard headers of the recorded call;
 * then a consequence of facts already known (an incoming call's callee is the recorded party). A
 * SIPREC INVITE's own From, To and P-Asserted-Identity name the SRC, never the call, and are not
 * read.
 */
public final class FactsExtractor {
  private final NumberingPlan plan;

  public FactsExtractor(NumberingPlan plan) {
    this.plan = plan;
  }

  public SignalledFacts extract(
      SessionKind kind, SipIdentities headers, Optional<RecordingMetadata> metadata) {
    Map<Fact, String> sources = new EnumMap<>(Fact.class);
    Parties parties =
        kind == SessionKind.SIPREC
            ? metadata.map(m -> MetadataParties.of(m, plan)).orElse(Parties.NONE)
            : forkedParties(headers);
    Optional<PartyIdentity> caller = parties.caller();
    Optional<PartyIdentity> callee = parties.callee();
    caller.ifPresent(c -> sources.put(Fact.CALLER, parties.source()));
    callee.ifPresent(c -> sources.put(Fact.CALLEE, parties.source()));

    Optional<Direction> direction = direction(headers, sources);
    Optional<PartyIdentity> recorded =
        header(headers, VittneHeaders.RECORDED_PARTY).map(this::identity);
    if (recorded.isPresent()) {
      sources.put(Fact.RECORDED_PARTY, "header " + VittneHeaders.RECORDED_PARTY);
    } else if (direction.isPresent()) {
      recorded =
          switch (direction.get()) {
            case INCOMING -> callee;
            case OUTGOING -> caller;
            case INTERNAL -> Optional.empty();
          };
      recorded.ifPresent(r -> sources.put(Fact.RECORDED_PARTY, "callee or caller by direction"));
    }

    Optional<PartyIdentity> remote = Optional.empty();
    if (direction.isPresent()) {
      remote =
          switch (direction.get()) {
            case INCOMING -> caller;
            case OUTGOING -> callee;
            case INTERNAL -> Optional.empty();
          };
      remote.ifPresent(r -> sources.put(Fact.REMOTE_PARTY, "caller or callee by direction"));
    }
    Optional<PhoneNumber> remoteNumber =
        header(headers, VittneHeaders.REMOTE_NUMBER).flatMap(this::number);
    if (remoteNumber.isPresent()) {
      sources.put(Fact.REMOTE_NUMBER, "header " + VittneHeaders.REMOTE_NUMBER);
    } else {
      remoteNumber = remote.flatMap(PartyIdentity::number);
      remoteNumber.ifPresent(n -> sources.put(Fact.REMOTE_NUMBER, "remote party"));
    }

    Optional<PhoneNumber> ddi = dialled(kind, headers, parties, direction, callee, sources);
    Optional<String> group = header(headers, VittneHeaders.GROUP);
    group.ifPresent(g -> sources.put(Fact.ANSWER_GROUP, "header " + VittneHeaders.GROUP));
    ConsentSignal consent =
        header(headers, VittneHeaders.CONSENT)
            .map(FactsExtractor::consent)
            .orElse(ConsentSignal.UNKNOWN);
    if (consent != ConsentSignal.UNKNOWN) {
      sources.put(Fact.CONSENT, "header " + VittneHeaders.CONSENT);
    }
    return new SignalledFacts(
        caller, callee, recorded, remote, remoteNumber, ddi, group, direction, consent, sources);
  }

  private Optional<Direction> direction(SipIdentities headers, Map<Fact, String> sources) {
    Optional<Direction> explicit =
        header(headers, VittneHeaders.DIRECTION).flatMap(FactsExtractor::direction);
    if (explicit.isPresent()) {
      sources.put(Fact.DIRECTION, "header " + VittneHeaders.DIRECTION);
      return explicit;
    }
    Optional<Direction> vendor =
        header(headers, VittneHeaders.VENDOR_CALL_DIRECTION).flatMap(FactsExtractor::direction);
    vendor.ifPresent(
        d -> sources.put(Fact.DIRECTION, "header " + VittneHeaders.VENDOR_CALL_DIRECTION));
    return vendor;
  }

  private Optional<PhoneNumber> dialled(
      SessionKind kind,
      SipIdentities headers,
      Parties parties,
      Optional<Direction> direction,
      Optional<PartyIdentity> callee,
      Map<Fact, String> sources) {
    Optional<PhoneNumber> explicit = header(headers, VittneHeaders.DDI).flatMap(this::number);
    if (explicit.isPresent()) {
      sources.put(Fact.DIALLED_NUMBER, "header " + VittneHeaders.DDI);
      return explicit;
    }
    if (kind == SessionKind.FORKED_LEG) {
      Optional<PhoneNumber> history =
          headers.historyInfo().stream().findFirst().flatMap(this::number);
      if (history.isPresent()) {
        sources.put(Fact.DIALLED_NUMBER, "first History-Info entry");
        return history;
      }
      List<String> diversion = headers.diversion();
      Optional<PhoneNumber> diverted =
          diversion.isEmpty() ? Optional.empty() : number(diversion.get(diversion.size() - 1));
      if (diverted.isPresent()) {
        sources.put(Fact.DIALLED_NUMBER, "oldest Diversion entry");
        return diverted;
      }
    }
    if (parties.dialled().isPresent()) {
      sources.put(Fact.DIALLED_NUMBER, parties.source());
      return parties.dialled();
    }
    if (direction.filter(d -> d == Direction.INCOMING).isPresent()) {
      Optional<PhoneNumber> called = callee.flatMap(PartyIdentity::number);
      called.ifPresent(n -> sources.put(Fact.DIALLED_NUMBER, "callee of an incoming call"));
      return called;
    }
    return Optional.empty();
  }

  private Parties forkedParties(SipIdentities headers) {
    String callerRaw = headers.pAssertedIdentity().stream().findFirst().orElse(headers.from());
    String source =
        headers.pAssertedIdentity().isEmpty()
            ? "From and To of the forked leg"
            : "P-Asserted-Identity and To of the forked leg";
    return new Parties(
        Optional.of(identity(callerRaw)),
        Optional.of(identity(headers.to())),
        Optional.empty(),
        source);
  }

  private PartyIdentity identity(String raw) {
    return PartyIdentity.parse(raw, plan);
  }

  private Optional<PhoneNumber> number(String raw) {
    return identity(raw).number();
  }

  private static Optional<String> header(SipIdentities headers, String name) {
    return headers.callFactHeader(name).map(String::strip).filter(v -> !v.isEmpty());
  }

  static Optional<Direction> direction(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "incoming", "inbound", "in" -> Optional.of(Direction.INCOMING);
      case "outgoing", "outbound", "out" -> Optional.of(Direction.OUTGOING);
      case "internal" -> Optional.of(Direction.INTERNAL);
      default -> Optional.empty();
    };
  }

  static ConsentSignal consent(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "granted", "yes", "true", "1", "accepted" -> ConsentSignal.GRANTED;
      case "refused", "no", "false", "0", "denied" -> ConsentSignal.REFUSED;
      default -> ConsentSignal.UNKNOWN;
    };
  }
}
