package se.vittne.capture.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.capture.loadgen.sip.SipMessage;
import se.vittne.capture.loadgen.sip.SipParser;
import se.vittne.capture.loadgen.sip.SipRequests;
import se.vittne.capture.loadgen.sip.SipTimers;

/**
 * The client transactions against a UAS scripted in the test on a real UDP socket: an unanswered
 * INVITE is retransmitted (Timer A), the 2xx is acknowledged in a new transaction, the BYE follows
 * the hold time in the dialog, and a failure response is acknowledged in the INVITE transaction.
 */
class ScriptedUasIT {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final SipTimers FAST =
      new SipTimers(Duration.ofMillis(100), Duration.ofMillis(400));

  @Test
  @Timeout(30)
  void retransmitsTheInviteUntilAnsweredThenAcksAndHangsUp() throws Exception {
    try (DatagramSocket uas = new DatagramSocket(0, LOOPBACK);
        DatagramSocket media = new DatagramSocket(0, LOOPBACK)) {
      uas.setSoTimeout(10_000);
      LoadGenerator generator = LoadGenerator.start(config(uas, 1, Duration.ofMillis(200)));
      try (generator) {
        List<SipMessage> invites = new ArrayList<>();
        invites.add(receive(uas));
        invites.add(receive(uas)); // no answer yet: Timer A fires after T1
        invites.add(receive(uas)); // and again after 2 T1
        assertThat(invites).extracting(SipMessage::method).containsOnly("INVITE");
        assertThat(invites)
            .extracting(SipMessage::topViaBranch)
            .containsOnly(invites.get(0).topViaBranch());

        SipMessage invite = invites.get(0);
        InetSocketAddress client = generator.sipLocalAddress().orElseThrow();
        send(uas, client, response(invite, 200, "uas-tag", sdp(media.getLocalPort())));

        SipMessage ack = receiveSkipping(uas, "INVITE");
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.topViaBranch()).startsWith("z9hG4bK").isNotEqualTo(invite.topViaBranch());
        assertThat(ack.cseqNumber()).isEqualTo(invite.cseqNumber());
        assertThat(ack.toTag()).contains("uas-tag");

        SipMessage bye = receiveSkipping(uas, "INVITE");
        assertThat(bye.method()).isEqualTo("BYE");
        assertThat(bye.cseqNumber()).isEqualTo(invite.cseqNumber() + 1);
        assertThat(bye.callId()).isEqualTo(invite.callId());
        send(uas, client, response(bye, 200, null, null));

        LoadResult result = generator.result().get();
        assertThat(result.callsCompleted()).isEqualTo(1);
        assertThat(result.calls().get(0).streams())
            .extracting(StreamOutcome::packets)
            .containsExactly(10L, 10L);
        assertThat(result.packetsSent()).isEqualTo(20);
      }
    }
  }

  @Test
  @Timeout(30)
  void countsARefusedCallByItsStatusCodeAndAcknowledgesIt() throws Exception {
    try (DatagramSocket uas = new DatagramSocket(0, LOOPBACK)) {
      uas.setSoTimeout(10_000);
      LoadGenerator generator = LoadGenerator.start(config(uas, 1, Duration.ofSeconds(1)));
      try (generator) {
        SipMessage invite = receive(uas);
        InetSocketAddress client = generator.sipLocalAddress().orElseThrow();
        send(uas, client, response(invite, 100, null, null));
        send(uas, client, response(invite, 486, "busy-tag", null));

        SipMessage ack = receiveSkipping(uas, "INVITE");
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.topViaBranch()).isEqualTo(invite.topViaBranch());
        assertThat(ack.toTag()).contains("busy-tag");

        LoadResult result = generator.result().get();
        assertThat(result.callsFailed()).isEqualTo(1);
        assertThat(result.failures()).containsEntry("486", 1);
        assertThat(result.packetsSent()).isZero();
      }
    }
  }

  @Test
  @Timeout(30)
  void anUnansweredInviteTimesOutAfterSixtyFourT1() throws Exception {
    try (DatagramSocket uas = new DatagramSocket(0, LOOPBACK)) {
      CompletableFuture<LoadResult> result;
      try (LoadGenerator generator = LoadGenerator.start(config(uas, 2, Duration.ofSeconds(1)))) {
        result = generator.result();
        LoadResult done = result.get();
        assertThat(done.callsFailed()).isEqualTo(2);
        assertThat(done.failures()).containsEntry("timeout", 2);
        assertThat(done.elapsed()).isGreaterThanOrEqualTo(FAST.transactionTimeout());
      }
    }
  }

  private static LoadGenConfig config(DatagramSocket uas, int calls, Duration hold) {
    return LoadGenConfig.builder()
        .signalling(
            new Signalling.Siprec(
                (InetSocketAddress) uas.getLocalSocketAddress(), Signalling.Transport.UDP, 0, FAST))
        .calls(calls)
        .rate(20)
        .hold(hold)
        .codec(Codec.PCMU)
        .build();
  }

  private static String sdp(int port) {
    return "v=0\r\no=uas 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + port
        + " RTP/AVP 0\r\na=label:1\r\na=recvonly\r\n"
        + "m=audio "
        + port
        + " RTP/AVP 0\r\na=label:2\r\na=recvonly\r\n";
  }

  private static byte[] response(SipMessage request, int code, String toTag, String sdp) {
    String reason = code == 200 ? "OK" : code == 100 ? "Trying" : "Busy Here";
    String text =
        new String(
            SipRequests.response(request, code, reason, toTag == null ? "x" : toTag),
            StandardCharsets.UTF_8);
    if (toTag == null && request.toTag().isEmpty()) {
      text = text.replace(";tag=x", "");
    }
    if (sdp != null) {
      text =
          text.replace(
                  "Content-Length: 0\r\n",
                  "Contact: <sip:srs@127.0.0.1:"
                      + 5999
                      + ">\r\nContent-Type: application/sdp\r\nContent-Length: "
                      + sdp.length()
                      + "\r\n")
              + sdp;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static SipMessage receive(DatagramSocket socket) throws Exception {
    byte[] buffer = new byte[8192];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.receive(packet);
    return SipParser.parse(buffer, 0, packet.getLength());
  }

  private static SipMessage receiveSkipping(DatagramSocket socket, String method) throws Exception {
    SipMessage message = receive(socket);
    while (message.method().equals(method)) {
      message = receive(socket);
    }
    return message;
  }

  private static void send(DatagramSocket socket, InetSocketAddress to, byte[] message)
      throws Exception {
    socket.send(new DatagramPacket(message, message.length, to));
  }
}
