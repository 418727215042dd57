package se.vittne.capture.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipParserTest {
  private static final String OK =
      "SIP/2.0 200 OK\r\n"
          + "v: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKabc;rport=5062, SIP/2.0/UDP 10.0.0.1\r\n"
          + "f: <sip:src@127.0.0.1>;tag=a1\r\n"
          + "t: <sip:srs@127.0.0.1>;tag=b2\r\n"
          + "i: call-1@127.0.0.1\r\n"
          + "CSeq: 1 INVITE\r\n"
          + "m: <sip:srs@127.0.0.1:5070;transport=udp>\r\n"
          + "Record-Route: <sip:p1.example;lr>,\r\n <sip:p2.example;lr>\r\n"
          + "c: application/sdp\r\n"
          + "l: 5\r\n"
          + "\r\n"
          + "v=0\r\n";

  @Test
  void readsAResponseWithCompactAndFoldedHeaders() throws SipParseException {
    SipMessage message = parse(OK);
    assertThat(message.isResponse()).isTrue();
    assertThat(message.statusCode()).isEqualTo(200);
    assertThat(message.callId()).isEqualTo("call-1@127.0.0.1");
    assertThat(message.cseqNumber()).isEqualTo(1);
    assertThat(message.cseqMethod()).isEqualTo("INVITE");
    assertThat(message.topViaBranch()).isEqualTo("z9hG4bKabc");
    assertThat(message.toTag()).contains("b2");
    assertThat(message.headerValues("Record-Route"))
        .containsExactly("<sip:p1.example;lr>", "<sip:p2.example;lr>");
    assertThat(message.bodyText()).isEqualTo("v=0\r\n");
  }

  @Test
  void aConfirmedDialogTargetsTheContactAlongTheReversedRecordRoute() throws SipParseException {
    SipDialog dialog = new SipDialog("call-1@127.0.0.1", "sip:src@127.0.0.1", "a1", "sip:srs@h");
    dialog.confirm(parse(OK));
    byte[] bye =
        new SipRequests(new SipLocal("UDP", java.net.InetAddress.getLoopbackAddress(), 5062))
            .bye(dialog, "z9hG4bKbye");
    SipMessage parsed = SipParser.parse(bye, 0, bye.length);
    assertThat(parsed.startLine()).isEqualTo("BYE sip:srs@127.0.0.1:5070;transport=udp SIP/2.0");
    assertThat(parsed.headerValues("Route"))
        .containsExactly("<sip:p2.example;lr>", "<sip:p1.example;lr>");
    assertThat(parsed.cseqNumber()).isEqualTo(2);
    assertThat(parsed.toTag()).contains("b2");
  }

  @Test
  void refusesABodyShorterThanItsContentLength() {
    String truncated = OK.replace("l: 5", "l: 50");
    assertThatThrownBy(() -> parse(truncated))
        .isInstanceOf(SipParseException.class)
        .hasMessageContaining("Content-Length 50");
  }

  @Test
  void refusesSomethingThatIsNotSip() {
    assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\n\r\n"))
        .isInstanceOf(SipParseException.class)
        .hasMessageContaining("not a SIP/2.0 start line");
  }

  @Test
  void framesAStreamMessageByItsContentLength() throws SipParseException {
    byte[] two = (OK + OK).getBytes(StandardCharsets.UTF_8);
    int first = SipParser.frameLength(two, 0, two.length);
    assertThat(first).isEqualTo(two.length / 2);
    assertThat(SipParser.frameLength(two, 0, first - 1)).isEqualTo(-1);
    assertThat(SipParser.frameLength("\r\n".getBytes(StandardCharsets.UTF_8), 0, 2)).isEqualTo(2);
  }

  @Test
  void findsTheSdpOfAMultipartAnswer() throws SipParseException {
    String multipart =
        "SIP/2.0 200 OK\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n"
            + "Content-Type: multipart/mixed;boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: application/rs-metadata+xml\r\n\r\n<recording/>\r\n"
            + "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\nm=audio 4000 RTP/AVP 0\r\n"
            + "\r\n--b1--\r\n";
    assertThat(MessageBodies.sdp(parse(multipart)))
        .hasValueSatisfying(sdp -> assertThat(sdp).startsWith("v=0\r\nm=audio 4000"));
  }

  private static SipMessage parse(String text) throws SipParseException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return SipParser.parse(bytes, 0, bytes.length);
  }
}
