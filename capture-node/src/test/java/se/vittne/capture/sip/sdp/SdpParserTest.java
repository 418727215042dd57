package se.vittne.capture.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.PayloadFormat;

class SdpParserTest {
  private final SdpParser parser = new SdpParser(8);

  @Test
  void readsTwoLabelledSiprecStreamsWithTelephoneEvent() throws Exception {
    String sdp =
        """
        v=0
        o=CiscoSystemsSIP-GW-UserAgent 1247 9367 IN IP4 198.51.100.236
        s=SIP Call
        c=IN IP4 198.51.100.236
        t=0 0
        m=audio 10292 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=sendonly
        a=label:1
        m=audio 10294 RTP/AVP 8 101
        c=IN IP4 198.51.100.237
        a=rtpmap:101 telephone-event/8000
        a=sendonly
        a=label:2
        """;

    SessionDescription parsed = parser.parse(sdp);

    assertThat(parsed.origin().orElseThrow().version()).isEqualTo("9367");
    assertThat(parsed.media()).hasSize(2);
    MediaDescription first = parsed.media().get(0);
    assertThat(first.label()).contains("1");
    assertThat(first.port()).isEqualTo(10292);
    assertThat(first.isPlainRtpAudio()).isTrue();
    assertThat(parsed.directionOf(first)).isEqualTo(MediaDirection.SENDONLY);
    assertThat(first.payloadFormats())
        .containsExactly(
            new PayloadFormat(0, "PCMU", 8000, 1, ""),
            new PayloadFormat(101, "telephone-event", 8000, 1, "0-16"));
    MediaDescription second = parsed.media().get(1);
    assertThat(parsed.connectionOf(second).orElseThrow().address()).isEqualTo("198.51.100.237");
    assertThat(second.payloadFormats())
        .extracting(PayloadFormat::encoding)
        .containsExactly("PCMA", "telephone-event");
  }

  @Test
  void takesSessionLevelDirectionAndHoldAddress() throws Exception {
    String sdp =
        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
            + "a=inactive\r\nm=audio 4000 RTP/AVP 0\r\n";

    SessionDescription parsed = parser.parse(sdp);

    MediaDescription section = parsed.media().get(0);
    assertThat(parsed.directionOf(section)).isEqualTo(MediaDirection.INACTIVE);
    assertThat(parsed.connectionOf(section).orElseThrow().isHold()).isTrue();
  }

  @Test
  void readsRtcpMuxRtcpPortAndSkipsUnknownOrBrokenAttributes() throws Exception {
    String sdp =
        "v=0\no=- 1 1 IN IP6 ::1\ns=-\nc=IN IP6 2001:db8::1\nt=0 0\n"
            + "m=audio 5000/2 RTP/AVPF 96 97 98\n"
            + "a=rtpmap:96 opus/48000/2\na=rtpmap:97 broken\na=rtpmap:x y/1\n"
            + "a=fmtp:96 useinbandfec=1\na=rtcp-mux\na=rtcp:5001 IN IP6 2001:db8::1\n"
            + "a=whatever:1\nx=unknown line\n";

    MediaDescription section = parser.parse(sdp).media().get(0);

    assertThat(section.port()).isEqualTo(5000);
    assertThat(section.rtcpMux()).isTrue();
    assertThat(section.rtcpPort()).isEqualTo(OptionalInt.of(5001));
    assertThat(section.payloadFormats())
        .containsExactly(new PayloadFormat(96, "opus", 48000, 2, "useinbandfec=1"));
  }

  @Test
  void tellsVideoAndSecureProfilesApartFromPlainAudio() throws Exception {
    String sdp =
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=video 6000 RTP/AVP 96\r\nm=audio 6002 RTP/SAVP 0\r\nm=audio 6004 rtp/avp 0\r\n";

    var media = parser.parse(sdp).media();

    assertThat(media)
        .extracting(MediaDescription::isPlainRtpAudio)
        .containsExactly(false, false, true);
  }

  @Test
  void refusesTextThatIsNotSdp() {
    assertThatThrownBy(() -> parser.parse("hello world"))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("not an SDP description");
    assertThatThrownBy(() -> parser.parse("o=- 1 1 IN IP4 1.2.3.4\r\n"))
        .hasMessageContaining("must start with v=");
    assertThatThrownBy(() -> parser.parse("")).hasMessageContaining("empty");
  }

  @Test
  void refusesMalformedMediaAndConnectionLinesWithTheirLine() {
    assertThatThrownBy(() -> parser.parse("v=0\r\nm=audio port RTP/AVP 0\r\n"))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("port is not a number")
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> parser.parse("v=0\r\nm=audio 70000 RTP/AVP 0\r\n"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> parser.parse("v=0\r\nm=audio\r\n"))
        .hasMessageContaining("malformed m= line");
    assertThatThrownBy(() -> parser.parse("v=0\r\nc=IN IPX 1.2.3.4\r\n"))
        .hasMessageContaining("unknown address type");
    assertThatThrownBy(() -> parser.parse("v=0\r\nc=garbage\r\n"))
        .hasMessageContaining("malformed c= line");
  }

  @Test
  void refusesMoreMediaSectionsThanTheLimit() {
    StringBuilder sdp = new StringBuilder("v=0\r\n");
    for (int i = 0; i < 9; i++) {
      sdp.append("m=audio ").append(4000 + 2 * i).append(" RTP/AVP 0\r\n");
    }

    assertThatThrownBy(() -> parser.parse(sdp.toString()))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("more than 8 media sections");
  }
}
