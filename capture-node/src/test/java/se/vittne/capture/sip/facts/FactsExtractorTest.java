package se.vittne.capture.sip.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.capture.sip.SessionKind;
import se.vittne.capture.sip.SignalledFacts;
import se.vittne.capture.sip.SignalledFacts.Fact;
import se.vittne.capture.sip.SipIdentities;
import se.vittne.capture.sip.siprec.MetadataFixtures;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Direction;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;

class FactsExtractorTest {
  private static final String SRC_FROM = "<sip:src@sbc.example.se>;tag=1";
  private static final String SRS_TO = "<sip:srs@192.0.2.1>";

  private final FactsExtractor extractor = new FactsExtractor(NumberingPlan.SWEDEN);

  private static SipIdentities headers(
      String from,
      String to,
      List<String> pai,
      List<String> diversion,
      List<String> history,
      Map<String, String> facts) {
    return new SipIdentities(
        "sip:srs@192.0.2.1", from, to, pai, diversion, history, facts, Optional.empty());
  }

  private static SipIdentities siprecHeaders(Map<String, String> facts) {
    return headers(
        SRC_FROM,
        SRS_TO,
        List.of("<sip:+46812345678@sbc.example.se>"),
        List.of(),
        List.of(),
        facts);
  }

  private static PhoneNumber e164(String number) {
    return PhoneNumber.ofE164(number);
  }

  private SignalledFacts siprec(String fixture, Map<String, String> facts) throws Exception {
    RecordingMetadata metadata = MetadataFixtures.parse(fixture);
    return extractor.extract(SessionKind.SIPREC, siprecHeaders(facts), Optional.of(metadata));
  }

  @Test
  void knowsNothingFromStandardMetadataAlone() throws Exception {
    SignalledFacts facts = siprec("cisco-cube.xml", Map.of());

    assertThat(facts).isEqualTo(SignalledFacts.unknown());
  }

  @Test
  void neverReadsTheSiprecInvitesOwnIdentityHeaders() throws Exception {
    SignalledFacts facts =
        extractor.extract(
            SessionKind.SIPREC,
            siprecHeaders(Map.of("x-vittne-direction", "incoming")),
            Optional.empty());

    assertThat(facts.direction()).contains(Direction.INCOMING);
    assertThat(facts.caller()).isEmpty();
    assertThat(facts.remoteNumber()).isEmpty();
  }

  @Test
  void takesCallerAndCalleeFromOracleCallingPartyAndDdiFromRequestUri() throws Exception {
    SignalledFacts facts = siprec("oracle-acme.xml", Map.of("x-vittne-direction", "incoming"));

    assertThat(facts.caller().flatMap(PartyIdentity::number)).contains(e164("+46701234567"));
    assertThat(facts.callee().flatMap(PartyIdentity::displayName)).contains("Växel");
    assertThat(facts.direction()).contains(Direction.INCOMING);
    assertThat(facts.recordedParty()).isEqualTo(facts.callee());
    assertThat(facts.remoteNumber()).contains(e164("+46701234567"));
    assertThat(facts.dialledNumber()).contains(e164("+4687001000"));
    assertThat(facts.sources())
        .containsEntry(Fact.CALLER, "metadata extension callingParty (Oracle SBC)");
    assertThat(facts.sources()).containsEntry(Fact.DIRECTION, "header X-Vittne-Direction");
  }

  @Test
  void takesRolesFromAudioCodesAndIntradoAndDirectionFromIntradoHeader() throws Exception {
    SignalledFacts audiocodes = siprec("audiocodes.xml", Map.of());
    SignalledFacts intrado = siprec("intrado-viper.xml", Map.of("x-call-direction", "incoming"));

    assertThat(audiocodes.caller().flatMap(PartyIdentity::user)).contains("0855512345");
    assertThat(audiocodes.callee().flatMap(PartyIdentity::user)).contains("2000");
    assertThat(audiocodes.direction()).isEmpty();
    assertThat(audiocodes.recordedParty()).isEmpty();
    assertThat(intrado.caller().flatMap(PartyIdentity::number)).contains(e164("+46317009911"));
    assertThat(intrado.direction()).contains(Direction.INCOMING);
    assertThat(intrado.remoteNumber()).contains(e164("+46317009911"));
    assertThat(intrado.sources()).containsEntry(Fact.DIRECTION, "header X-Call-Direction");
  }

  @Test
  void takesTheRecordedCallsFromAndToFromRibbonCallData() throws Exception {
    SignalledFacts facts = siprec("ribbon-sonus.xml", Map.of("x-vittne-direction", "outgoing"));

    assertThat(facts.caller().flatMap(PartyIdentity::displayName)).contains("Kundtjänst");
    assertThat(facts.callee().flatMap(PartyIdentity::number)).contains(e164("+46317001234"));
    assertThat(facts.recordedParty()).isEqualTo(facts.caller());
    assertThat(facts.remoteNumber()).contains(e164("+46317001234"));
    assertThat(facts.dialledNumber()).isEmpty();
  }

  @Test
  void explicitHeadersWinOverEverythingElse() throws Exception {
    SignalledFacts facts =
        siprec(
            "oracle-acme.xml",
            Map.of(
                "x-vittne-direction", "OUTGOING",
                "x-vittne-recorded-party", "sip:4711@pbx.example.se",
                "x-vittne-remote-number", "+46 31 700 1234",
                "x-vittne-ddi", "tel:+468700200",
                "x-vittne-group", "support",
                "x-vittne-consent", "refused"));

    assertThat(facts.direction()).contains(Direction.OUTGOING);
    assertThat(facts.recordedParty().flatMap(PartyIdentity::user)).contains("4711");
    assertThat(facts.remoteNumber()).contains(e164("+46317001234"));
    assertThat(facts.dialledNumber()).contains(e164("+468700200"));
    assertThat(facts.answerGroup()).contains("support");
    assertThat(facts.consent()).isEqualTo(ConsentSignal.REFUSED);
    assertThat(facts.sources())
        .containsEntry(Fact.CONSENT, "header X-Vittne-Consent")
        .containsEntry(Fact.ANSWER_GROUP, "header X-Vittne-Group");
  }

  @Test
  void readsForkedLegIdentityHistoryAndDiversion() {
    SipIdentities forked =
        headers(
            "\"Kund\" <sip:0701234567@carrier.example>;tag=9",
            "<sip:0855500100@pbx.example.se>",
            List.of("<sip:+46701234567@carrier.example>"),
            List.of(
                "<sip:+46855500200@pbx.example.se>;reason=unconditional",
                "<sip:+46855500100@pbx.example.se>;reason=user-busy"),
            List.of(),
            Map.of("x-vittne-direction", "incoming", "x-vittne-consent", "yes"));

    SignalledFacts facts = extractor.extract(SessionKind.FORKED_LEG, forked, Optional.empty());

    assertThat(facts.caller().flatMap(PartyIdentity::number)).contains(e164("+46701234567"));
    assertThat(facts.remoteNumber()).contains(e164("+46701234567"));
    assertThat(facts.recordedParty().flatMap(PartyIdentity::number)).contains(e164("+46855500100"));
    assertThat(facts.dialledNumber()).contains(e164("+46855500100"));
    assertThat(facts.sources())
        .containsEntry(Fact.DIALLED_NUMBER, "oldest Diversion entry")
        .containsEntry(Fact.CALLER, "P-Asserted-Identity and To of the forked leg");
    assertThat(facts.consent()).isEqualTo(ConsentSignal.GRANTED);
  }

  @Test
  void prefersHistoryInfoOverDiversionAndLeavesUnknownDirectionUnknown() {
    SipIdentities forked =
        headers(
            "<sip:+46701234567@carrier.example>;tag=9",
            "<sip:4711@pbx.example.se>",
            List.of(),
            List.of("<sip:+46855500200@pbx.example.se>"),
            List.of(
                "<sip:+46855500300@pbx.example.se>;index=1", "<sip:4711@pbx.example.se>;index=1.1"),
            Map.of("x-vittne-direction", "sideways"));

    SignalledFacts facts = extractor.extract(SessionKind.FORKED_LEG, forked, Optional.empty());

    assertThat(facts.dialledNumber()).contains(e164("+46855500300"));
    assertThat(facts.direction()).isEmpty();
    assertThat(facts.recordedParty()).isEmpty();
    assertThat(facts.remoteNumber()).isEmpty();
    assertThat(facts.caller().flatMap(PartyIdentity::number)).contains(e164("+46701234567"));
  }
}
