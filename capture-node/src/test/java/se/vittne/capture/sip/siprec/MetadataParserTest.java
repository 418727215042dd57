package se.vittne.capture.sip.siprec;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vittne.capture.sip.siprec.MetadataFixtures.parse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataParserTest {

  private static List<String> aors(RecordingMetadata metadata) {
    return metadata.participants().stream().map(p -> p.aor().orElse("-")).toList();
  }

  private static String senderAor(RecordingMetadata metadata, String label) {
    List<Participant> senders = metadata.sendersOf(label);
    assertThat(senders).as("senders of label %s", label).hasSize(1);
    return senders.get(0).aor().orElseThrow();
  }

  @Test
  void readsRfc7865CompleteExampleWithGroupSessionAndExtensions() throws Exception {
    RecordingMetadata metadata = parse("rfc7865-complete.xml");

    assertThat(metadata.dataMode()).isEqualTo(DataMode.COMPLETE);
    assertThat(metadata.namespace()).isEqualTo("urn:ietf:params:xml:ns:recording:1");
    assertThat(metadata.groups())
        .singleElement()
        .satisfies(group -> {
          assertThat(group.id()).isEqualTo("7+OTCyoxTmqmqyA/1weDAg==");
          assertThat(group.extensionValue("supervisor")).contains("sip:alice@atlanta.com");
          assertThat(group.extensions())
              .extracting(ExtensionData::namespace)
              .containsExactly("urn:ietf:params:xml:ns:callcenter", "http://example.com/my");
        });
    MetadataSession session = metadata.sessions().get(0);
    assertThat(session.sipSessionId())
        .hasValueSatisfying(
            id -> assertThat(id).startsWith("ab30317f1a784dc48ff824d0d3715d86;remote="));
    assertThat(session.groupRef()).contains("7+OTCyoxTmqmqyA/1weDAg==");
    assertThat(aors(metadata)).containsExactly("sip:alice@atlanta.com", "sip:bob@biloxy.com");
    assertThat(metadata.participants())
        .extracting(p -> p.name().orElseThrow())
        .containsExactly("Alice", "Bob");
    assertThat(metadata.streams())
        .extracting(s -> s.label().orElseThrow())
        .containsExactly("96", "97", "98", "99");
    assertThat(senderAor(metadata, "96")).isEqualTo("sip:alice@atlanta.com");
    assertThat(senderAor(metadata, "97")).isEqualTo("sip:alice@atlanta.com");
    assertThat(senderAor(metadata, "98")).isEqualTo("sip:bob@biloxy.com");
    assertThat(metadata.participant("srfBElmCRp2QB23b7Mpk0w==").orElseThrow().recv()).hasSize(2);
    assertThat(metadata.participants().get(0).extensions().get(0).xml())
        .contains("http://example.com/my")
        .contains("<whatever>bar</whatever>");
  }

  @Test
  void mergesRfc7865PartialUpdateKeepingWhatItDoesNotName() throws Exception {
    RecordingMetadata merged =
        parse("rfc7865-complete.xml").mergedWith(parse("rfc7865-partial.xml"));

    assertThat(merged.dataMode()).isEqualTo(DataMode.COMPLETE);
    assertThat(aors(merged))
        .containsExactly("sip:alice@atlanta.com", "sip:bob@biloxy.com", "sip:carol@example.com");
    Participant bob = merged.participant("zSfPoSvdSDCmU3A3TRDxAw==").orElseThrow();
    assertThat(bob.departed()).isTrue();
    assertThat(bob.disassociateTime()).contains("2010-12-16T23:45:12Z");
    assertThat(bob.name()).contains("Bob");
    Participant carol = merged.participant("EBDdX2h8QiyU4KZEBzVlRw==").orElseThrow();
    assertThat(carol.send()).containsExactly("8zc6e0lYTlWIINA6GR+3ag==");
    assertThat(merged.streams()).hasSize(4);
    assertThat(merged.sessions()).hasSize(1);
  }

  @Test
  void readsCiscoCubeWithInterleavedAssociations() throws Exception {
    RecordingMetadata metadata = parse("cisco-cube.xml");

    assertThat(aors(metadata))
        .containsExactly("sip:+46812345678@192.0.2.20", "sip:4711@192.0.2.21");
    assertThat(metadata.participants().get(0).name()).isEmpty();
    assertThat(metadata.participants().get(1).name()).contains("Agent 4711");
    assertThat(senderAor(metadata, "1")).isEqualTo("sip:+46812345678@192.0.2.20");
    assertThat(senderAor(metadata, "2")).isEqualTo("sip:4711@192.0.2.21");
    assertThat(metadata.sessions().get(0).startTime()).contains("2025-03-04T09:15:22.310Z");
  }

  @Test
  void readsOracleAcmeDialectWithIdAttributesAndApktExtensions() throws Exception {
    RecordingMetadata metadata = parse("oracle-acme.xml");

    assertThat(metadata.namespace()).isEqualTo("urn:ietf:params:xml:ns:recording");
    assertThat(metadata.sessions().get(0).id()).isEqualTo("Wl4cTq1rR0mYd3V5YQ6jDg==");
    assertThat(metadata.sessions().get(0).extensionValue("ucid"))
        .contains("00FA0810052A6B1C0D33E1;encoding=hex");
    Participant caller = metadata.participants().get(0);
    assertThat(caller.extensionValue("callingParty")).contains("true");
    assertThat(caller.extensionValue("value")).contains("5c1f0a77-2e41@198.51.100.10");
    assertThat(caller.extensions())
        .extracting(ExtensionData::namespace)
        .containsOnly("http://acmepacket.com/siprec/extensiondata");
    assertThat(caller.extensions().get(0).xml())
        .contains("xmlns:apkt=\"http://acmepacket.com/siprec/extensiondata\"");
    assertThat(metadata.participants().get(1).name()).contains("Växel");
    assertThat(metadata.participants().get(1).extensionValue("callingParty")).contains("false");
    assertThat(senderAor(metadata, "16777301")).isEqualTo("sip:+46701234567@198.51.100.10");
    assertThat(senderAor(metadata, "16777302")).isEqualTo("sip:+4687001000@pbx.example.se");
    assertThat(metadata.streams()).extracting(s -> s.mode().orElseThrow()).containsOnly("separate");
  }

  @Test
  void readsAvayaPlaceholderThenTheAgentFromTheUpdate() throws Exception {
    RecordingMetadata first = parse("avaya-sbce.xml");

    assertThat(first.participants()).hasSize(2);
    assertThat(first.streams())
        .extracting(MetadataStream::id)
        .containsExactly("a1b2c3d4e5f60718293a", "");
    assertThat(first.sendersOf("20")).isEmpty();
    assertThat(senderAor(first, "10")).isEqualTo("sip:46855501234@203.0.113.65");

    RecordingMetadata merged = first.mergedWith(parse("avaya-sbce-update.xml"));

    assertThat(aors(merged))
        .containsExactly("sip:46855501234@203.0.113.65", "sip:4002@203.0.113.32");
    assertThat(senderAor(merged, "20")).isEqualTo("sip:4002@203.0.113.32");
  }

  @Test
  void readsRibbonPrefixedDocumentWithCallDataExtension() throws Exception {
    RecordingMetadata metadata = parse("ribbon-sonus.xml");

    assertThat(aors(metadata))
        .containsExactly("4631700100@198.51.100.55", "46317001234@198.51.100.72");
    assertThat(metadata.participants().get(1).name()).isEmpty();
    MetadataGroup group = metadata.groups().get(0);
    assertThat(group.extensionValue("fromhdr"))
        .contains("\"Kundtjänst\" <sip:+4631700100@198.51.100.55>;tag=Ab3dE5fG");
    assertThat(group.extensionValue("tohdr"))
        .contains("<sip:+46317001234@198.51.100.72>;tag=gK0a1b2c");
    assertThat(group.extensionValue("gcid")).contains("351207795");
    assertThat(senderAor(metadata, "2")).isEqualTo("4631700100@198.51.100.55");
  }

  @Test
  void readsAudioCodesVendorElementsOutsideExtensionData() throws Exception {
    RecordingMetadata metadata = parse("audiocodes.xml");

    assertThat(metadata.sessions().get(0).extensionValue("AvayaUCID"))
        .contains("FA0800305C0A9E176B21");
    assertThat(metadata.participants())
        .extracting(p -> p.extensionValue("role").orElseThrow())
        .containsExactly("caller", "callee");
    assertThat(aors(metadata)).containsExactly("0855512345@192.0.2.40", "2000@192.0.2.41");
    assertThat(senderAor(metadata, "2")).isEqualTo("2000@192.0.2.41");
  }

  @Test
  void readsIntradoRoleAndSelfAssociatedStream() throws Exception {
    RecordingMetadata metadata = parse("intrado-viper.xml");

    Participant participant = metadata.participants().get(0);
    assertThat(participant.aor()).contains("0317009911@192.0.2.136:5060");
    assertThat(participant.name()).isEmpty();
    assertThat(participant.extensionValue("role")).contains("calling");
    assertThat(participant.extensionValue("channel")).contains("SIP/911202-0a3e");
    assertThat(participant.send()).isEqualTo(participant.recv());
    assertThat(metadata.groups()).hasSize(1);
  }

  @Test
  void readsOpenSipsGroupAndCallId() throws Exception {
    RecordingMetadata metadata = parse("opensips.xml");

    assertThat(metadata.groups()).extracting(MetadataGroup::id).containsExactly("support-queue");
    assertThat(metadata.sessions().get(0).sipSessionId())
        .contains("7d3b8f20-4c11-4a2e-9f0d-5a6b7c8d9e0f@198.51.100.2");
    assertThat(senderAor(metadata, "0")).isEqualTo("sip:+46855566677@198.51.100.2");
    assertThat(senderAor(metadata, "1")).isEqualTo("sip:0855500100@pbx.example.se");
  }

  @Test
  void readsBroadWorksSendOnlyAssociations() throws Exception {
    RecordingMetadata metadata = parse("broadworks.xml");

    assertThat(metadata.participants()).allSatisfy(p -> assertThat(p.recv()).isEmpty());
    assertThat(senderAor(metadata, "10")).isEqualTo("sip:+46406661234@203.0.113.145");
    assertThat(senderAor(metadata, "20")).isEqualTo("sip:5501@as.example.se");
  }

  @Test
  void readsEarlyDraftDialectWithAorElements() throws Exception {
    RecordingMetadata metadata = parse("draft-legacy.xml");

    assertThat(aors(metadata)).containsExactly("sip:+46104105000@192.0.2.60", "tel:+46709876543");
    assertThat(metadata.participants().get(0).name()).contains("Servicedesk");
    assertThat(metadata.participants().get(0).associateTime()).contains("2025-09-10T17:03:57");
    assertThat(senderAor(metadata, "2")).isEqualTo("tel:+46709876543");
  }

  @Test
  void readsAnyPrefixAndImsAddresses() throws Exception {
    RecordingMetadata metadata = parse("ims-numbers.xml");

    assertThat(aors(metadata))
        .containsExactly(
            "tel:+46812340001",
            "tel:12340002;phone-context=+468",
            "sip:+46812340003@ims.example.se;user=phone",
            "sip:%2B46812340004@ims.example.se;user=phone",
            "0812340005",
            "sip:2345@pbx.example.se");
  }

  @Test
  void readsDocumentWithoutNamespaceAndNameAttributes() throws Exception {
    RecordingMetadata metadata =
        new MetadataParser(MetadataLimits.DEFAULT)
            .parse(
                """
                <recording><session session="s1"><participant id="p1" name="Alice">\
                <aor>sip:alice@example.com</aor></participant>\
                <stream streamid="x" label="7"/></session></recording>\
                """
                    .getBytes());

    assertThat(metadata.namespace()).isEmpty();
    assertThat(metadata.participants().get(0).name()).contains("Alice");
    assertThat(metadata.streamByLabel("7").map(MetadataStream::id)).isEqualTo(Optional.of("x"));
  }
}
