package se.vittne.capture.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.Content;
import gov.nist.javax.sip.message.MessageExt;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import javax.sdp.Attribute;
import javax.sdp.MediaDescription;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import javax.sip.SipFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.vittne.capture.loadgen.audio.Codec;

/** The INVITE the generator builds, parsed by JAIN-SIP, its SDP parser and a hardened DOM. */
class SiprecInviteTest {
  private static Request invite;
  private static byte[] bytes;

  @BeforeAll
  static void buildAndParse() throws Exception {
    InetAddress local = InetAddress.getByName("127.0.0.1");
    List<OfferedStream> streams =
        List.of(new OfferedStream("1", 30000, 0), new OfferedStream("2", 30002, 1));
    RecordingMetadata metadata =
        new RecordingMetadata(
            UUID.randomUUID(),
            "0123456789abcdef0123456789abcdef",
            List.of(
                new Participant("sip:+46701000007@pbx.example", "Caller <7> & co"),
                new Participant("sip:+46812000007@pbx.example", "Callee 7")),
            streams,
            List.of(UUID.randomUUID(), UUID.randomUUID()),
            List.of(UUID.randomUUID(), UUID.randomUUID()),
            Instant.parse("2026-11-28T10:00:00Z"));
    SiprecOffer offer = new SiprecOffer(local, Codec.OPUS, streams, metadata, 4711);
    SipDialog dialog =
        new SipDialog("run-7@127.0.0.1", "sip:src@127.0.0.1", "tag7", "sip:srs@127.0.0.1:5060");
    bytes =
        new SipRequests(new SipLocal("UDP", local, 5062))
            .invite(dialog, "z9hG4bKtest.1", offer.body(), SiprecOffer.CONTENT_TYPE);
    invite =
        SipFactory.getInstance()
            .createMessageFactory()
            .createRequest(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void isAnRfc3261InviteWithTheMandatoryHeaders() {
    assertThat(invite.getMethod()).isEqualTo("INVITE");
    assertThat(invite.getRequestURI()).hasToString("sip:srs@127.0.0.1:5060");
    ViaHeader via = (ViaHeader) invite.getHeader(ViaHeader.NAME);
    assertThat(via.getBranch()).startsWith("z9hG4bK");
    assertThat(via.getTransport()).isEqualTo("UDP");
    assertThat(via.getPort()).isEqualTo(5062);
    assertThat(invite.getHeader("Max-Forwards")).hasToString("Max-Forwards: 70\r\n");
    assertThat(((javax.sip.header.FromHeader) invite.getHeader("From")).getTag()).isEqualTo("tag7");
    assertThat(((javax.sip.header.ToHeader) invite.getHeader("To")).getTag()).isNull();
    assertThat(((javax.sip.header.CSeqHeader) invite.getHeader("CSeq")).getSeqNumber())
        .isEqualTo(1);
    assertThat(((javax.sip.header.CallIdHeader) invite.getHeader("Call-ID")).getCallId())
        .isEqualTo("run-7@127.0.0.1");
    int headerEnd = new String(bytes, StandardCharsets.UTF_8).indexOf("\r\n\r\n") + 4;
    assertThat(invite.getContentLength().getContentLength()).isEqualTo(bytes.length - headerEnd);
  }

  @Test
  void asksForSiprecAndMarksItselfASessionRecordingClient() {
    assertThat(invite.getHeader("Require")).hasToString("Require: siprec\r\n");
    ContactHeader contact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
    assertThat(contact.getParameter("+sip.src")).isNotNull();
  }

  @Test
  void carriesSdpThenMetadataInAMultipartBody() throws Exception {
    List<Content> parts = parts();
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).getContentTypeHeader().getContentSubType()).isEqualTo("sdp");
    assertThat(parts.get(1).getContentTypeHeader().getContentSubType())
        .isEqualTo("rs-metadata+xml");
    assertThat(parts.get(1).getContentDispositionHeader().getDispositionType())
        .isEqualTo("recording-session");
  }

  @Test
  void offersTwoSendOnlyLabelledAudioStreams() throws Exception {
    SessionDescription sdp =
        SdpFactory.getInstance().createSessionDescription(parts().get(0).getContent().toString());
    List<?> media = new ArrayList<>(sdp.getMediaDescriptions(false));
    assertThat(media).hasSize(2);
    for (int i = 0; i < 2; i++) {
      MediaDescription m = (MediaDescription) media.get(i);
      assertThat(m.getMedia().getMediaType()).isEqualTo("audio");
      assertThat(m.getMedia().getMediaPort()).isEqualTo(30000 + 2 * i);
      assertThat(m.getMedia().getMediaFormats(false)).containsExactly("111");
      assertThat(m.getAttribute("label")).isEqualTo(Integer.toString(i + 1));
      assertThat(m.getAttribute("rtpmap")).isEqualTo("111 opus/48000/2");
      List<String> names = new ArrayList<>();
      for (Object attribute : m.getAttributes(false)) {
        names.add(((Attribute) attribute).getName());
      }
      assertThat(names).contains("sendonly").doesNotContain("sendrecv", "recvonly");
    }
    assertThat(sdp.getConnection().getAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void metadataNamesBothParticipantsTheirStreamsAndWhoSendsWhich() throws Exception {
    Document xml = parseHardened(parts().get(1).getContent().toString());
    Element root = xml.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("recording");
    assertThat(root.getNamespaceURI()).isEqualTo(RecordingMetadata.NAMESPACE);
    String ns = RecordingMetadata.NAMESPACE;

    NodeList participants = xml.getElementsByTagNameNS(ns, "participant");
    assertThat(participants.getLength()).isEqualTo(2);
    Element caller = (Element) participants.item(0);
    Element nameId = (Element) caller.getElementsByTagNameNS(ns, "nameID").item(0);
    assertThat(nameId.getAttribute("aor")).isEqualTo("sip:+46701000007@pbx.example");
    assertThat(nameId.getElementsByTagNameNS(ns, "name").item(0).getTextContent())
        .isEqualTo("Caller <7> & co");

    NodeList streams = xml.getElementsByTagNameNS(ns, "stream");
    assertThat(streams.getLength()).isEqualTo(2);
    String firstStream = ((Element) streams.item(0)).getAttribute("stream_id");
    String secondStream = ((Element) streams.item(1)).getAttribute("stream_id");
    assertThat(
            ((Element) streams.item(0))
                .getElementsByTagNameNS(ns, "label")
                .item(0)
                .getTextContent())
        .isEqualTo("1");
    assertThat(java.util.Base64.getDecoder().decode(firstStream)).hasSize(16);

    NodeList associations = xml.getElementsByTagNameNS(ns, "participantstreamassoc");
    assertThat(associations.getLength()).isEqualTo(2);
    Element callerStreams = (Element) associations.item(0);
    assertThat(callerStreams.getAttribute("participant_id"))
        .isEqualTo(caller.getAttribute("participant_id"));
    assertThat(callerStreams.getElementsByTagNameNS(ns, "send").item(0).getTextContent())
        .isEqualTo(firstStream);
    assertThat(callerStreams.getElementsByTagNameNS(ns, "recv").item(0).getTextContent())
        .isEqualTo(secondStream);
    String session =
        ((Element) xml.getElementsByTagNameNS(ns, "session").item(0)).getAttribute("session_id");
    assertThat(((Element) streams.item(1)).getAttribute("session_id")).isEqualTo(session);
    assertThat(xml.getElementsByTagNameNS(ns, "participantsessionassoc").getLength()).isEqualTo(2);
  }

  private static List<Content> parts() throws Exception {
    List<Content> parts = new ArrayList<>();
    Iterator<Content> contents = ((MessageExt) invite).getMultipartMimeContent().getContents();
    contents.forEachRemaining(parts::add);
    return parts;
  }

  private static Document parseHardened(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
