package se.vittne.capture.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import se.vittne.capture.loadgen.audio.Codec;

class SdpAnswerTest {

  @Test
  void readsPortAddressAndPayloadTypePerMediaLine() throws Exception {
    SdpAnswer answer =
        SdpAnswer.parse(
            "v=0\r\no=srs 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\na=recvonly\r\n"
                + "m=audio 40002 RTP/AVP 96\r\nc=IN IP4 127.0.0.2\r\na=rtpmap:96 opus/48000/2\r\n"
                + "a=recvonly\r\n");

    assertThat(answer.media()).hasSize(2);
    SdpAnswer.Media first = answer.media().get(0);
    assertThat(first.port()).isEqualTo(40000);
    assertThat(first.address()).contains(InetAddress.getByName("127.0.0.1"));
    assertThat(first.receives()).isTrue();
    assertThat(first.payloadTypeFor(Codec.OPUS)).isEqualTo(96); // the answer's dynamic number
    assertThat(answer.media().get(1).address()).contains(InetAddress.getByName("127.0.0.2"));
  }

  @Test
  void aRejectedOrInactiveOrHeldStreamReceivesNothing() throws Exception {
    SdpAnswer answer =
        SdpAnswer.parse(
            "v=0\r\nc=IN IP4 127.0.0.1\r\n"
                + "m=audio 0 RTP/AVP 0\r\n"
                + "m=audio 40002 RTP/AVP 0\r\na=inactive\r\n"
                + "m=audio 40004 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n"
                + "m=audio 40006 RTP/AVP 0\r\n");

    assertThat(answer.media())
        .extracting(SdpAnswer.Media::receives)
        .containsExactly(false, false, false, true);
    assertThat(answer.media().get(3).payloadTypeFor(Codec.PCMU)).isZero();
  }
}
