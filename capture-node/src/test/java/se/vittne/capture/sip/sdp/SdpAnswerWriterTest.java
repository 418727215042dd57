package se.vittne.capture.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.PayloadFormat;

class SdpAnswerWriterTest {
  private static final PayloadFormat PCMA = new PayloadFormat(8, "PCMA", 8000, 1, "");
  private static final PayloadFormat DTMF =
      new PayloadFormat(101, "telephone-event", 8000, 1, "0-15");

  private final SdpParser parser = new SdpParser(8);

  @Test
  void answersEachOfferedSectionInOrderReceiveOnly() throws Exception {
    SessionDescription offer =
        parser.parse(
            """
            v=0
            o=- 1 1 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 20000 RTP/AVP 8 101
            a=rtpmap:101 telephone-event/8000
            a=label:alice
            a=sendonly
            m=video 20002 RTP/AVP 96
            m=audio 20004 RTP/AVP 8
            a=label:bob
            a=inactive
            a=rtcp-mux
            """);
    InetAddress local = InetAddress.getByName("192.0.2.99");
    LocalEndpoint alice =
        new LocalEndpoint(
            "alice",
            new InetSocketAddress(local, 30000),
            new InetSocketAddress(local, 30001),
            List.of(PCMA, DTMF));
    LocalEndpoint bob =
        new LocalEndpoint(
            "bob",
            new InetSocketAddress(local, 30002),
            new InetSocketAddress(local, 30002),
            List.of(PCMA));

    String answer =
        SdpAnswerWriter.write(
            new AnswerOrigin("42", 7, "192.0.2.99"),
            List.of(
                new AnsweredSection(
                    offer.media().get(0), MediaDirection.SENDONLY, Optional.of(alice)),
                new AnsweredSection(
                    offer.media().get(1), MediaDirection.SENDRECV, Optional.empty()),
                new AnsweredSection(
                    offer.media().get(2), MediaDirection.INACTIVE, Optional.of(bob))),
            local);

    assertThat(answer)
        .isEqualTo(
            """
            v=0\r
            o=vittne 42 7 IN IP4 192.0.2.99\r
            s=Vittne\r
            c=IN IP4 192.0.2.99\r
            t=0 0\r
            m=audio 30000 RTP/AVP 8 101\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-15\r
            a=label:alice\r
            a=recvonly\r
            m=video 0 RTP/AVP 96\r
            m=audio 30002 RTP/AVP 8\r
            a=rtpmap:8 PCMA/8000\r
            a=label:bob\r
            a=inactive\r
            a=rtcp-mux\r
            """);
    assertThat(parser.parse(answer).media()).hasSize(3);
  }

  @Test
  void announcesFallbackAddressForWildcardBindingsAndNonAdjacentRtcp() throws Exception {
    SessionDescription offer = parser.parse("v=0\r\nm=audio 4000 RTP/AVP 8\r\n");
    InetAddress any = InetAddress.getByName("0.0.0.0");
    LocalEndpoint endpoint =
        new LocalEndpoint(
            "0",
            new InetSocketAddress(any, 31000),
            new InetSocketAddress(any, 31005),
            List.of(PCMA));

    String answer =
        SdpAnswerWriter.write(
            new AnswerOrigin("1", 1, "203.0.113.5"),
            List.of(
                new AnsweredSection(
                    offer.media().get(0), MediaDirection.SENDRECV, Optional.of(endpoint))),
            InetAddress.getByName("203.0.113.5"));

    assertThat(answer)
        .contains("c=IN IP4 203.0.113.5\r\n")
        .contains("a=rtcp:31005 IN IP4 203.0.113.5\r\n")
        .contains("a=recvonly\r\n")
        .doesNotContain("0.0.0.0");
  }

  @Test
  void rejectsEndpointWithoutAcceptedFormats() throws Exception {
    SessionDescription offer = parser.parse("v=0\r\nm=audio 4000 RTP/AVP 18\r\n");
    InetAddress local = InetAddress.getLoopbackAddress();
    LocalEndpoint none =
        new LocalEndpoint(
            "0",
            new InetSocketAddress(local, 32000),
            new InetSocketAddress(local, 32001),
            List.of());

    String answer =
        SdpAnswerWriter.write(
            new AnswerOrigin("1", 1, "127.0.0.1"),
            List.of(
                new AnsweredSection(
                    offer.media().get(0), MediaDirection.SENDONLY, Optional.of(none))),
            local);

    assertThat(answer).contains("m=audio 0 RTP/AVP 18\r\n");
  }
}
