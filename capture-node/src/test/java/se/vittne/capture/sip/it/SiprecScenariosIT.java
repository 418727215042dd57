package se.vittne.capture.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.EndReason;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.capture.sip.SessionEnd;
import se.vittne.capture.sip.SessionKind;
import se.vittne.capture.sip.SessionOffer;
import se.vittne.policy.Direction;

/**
 * SIPp plays the SRC against a real SIP server; the probe handler shows what the session layer saw.
 */
class SiprecScenariosIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static SipTestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = SipTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void requireSipp() {
    Sipp.assumeInstalled();
  }

  private static SessionOffer lastOffer() {
    return server.handler().offers().get(server.handler().offers().size() - 1);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"u1", "t1"})
  void answersSiprecInviteReceiveOnlyAndEndsOnBye(String transport) throws Exception {
    int offersBefore = server.handler().offers().size();
    Thread sender = Thread.ofVirtual().start(() -> sendRtpOnceOffered(offersBefore));

    Sipp.scenario("siprec-call.xml")
        .transport(transport)
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();
    sender.join();

    SessionOffer offer = lastOffer();
    assertThat(offer.kind()).isEqualTo(SessionKind.SIPREC);
    assertThat(offer.trunk().tenant()).isEqualTo(SipTestServer.TENANT);
    assertThat(offer.streams())
        .extracting(StreamSpec::label, StreamSpec::channel, StreamSpec::direction)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", 0, MediaDirection.SENDONLY),
            org.assertj.core.groups.Tuple.tuple("2", 1, MediaDirection.SENDONLY));
    assertThat(offer.metadata().orElseThrow().participants()).hasSize(2);
    assertThat(offer.facts().direction()).contains(Direction.INCOMING);
    assertThat(offer.facts().recordedParty().flatMap(PartyIdentity::user)).contains("4711");
    assertThat(offer.facts().remoteNumber().map(Object::toString)).contains("+46701234567");
    SessionEnd end = server.handler().awaitEnd(offer.sessionId(), WAIT);
    assertThat(end.reason()).isEqualTo(EndReason.BYE);
    assertThat(server.server().activeSessions()).isZero();
  }

  /** Sends RTP-sized datagrams to the first offered session's endpoints and checks they arrive. */
  private static void sendRtpOnceOffered(int offersBefore) {
    SessionOffer offer =
        server
            .handler()
            .awaitOffer(o -> server.handler().offers().indexOf(o) >= offersBefore, WAIT);
    UdpSinkMediaEngine.Sink sink = awaitMedia(offer.sessionId());
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(SipTestServer.LOCAL, 0))) {
      for (LocalEndpoint endpoint : sink.endpoints()) {
        for (int i = 0; i < 5; i++) {
          byte[] packet = new byte[172];
          packet[0] = (byte) 0x80;
          socket.send(new DatagramPacket(packet, packet.length, endpoint.rtp()));
        }
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && (sink.packets("1") < 5 || sink.packets("2") < 5)) {
        Thread.sleep(10);
      }
      assertThat(sink.packets("1")).isEqualTo(5);
      assertThat(sink.packets("2")).isEqualTo(5);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static UdpSinkMediaEngine.Sink awaitMedia(String sessionId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      var media = server.handler().media(sessionId);
      if (media.isPresent()) {
        return media.get();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no media for " + sessionId);
  }

  @Test
  void countsRequestsAndResponses() {
    Sipp.scenario("siprec-call.xml").run(SipTestServer.LOCAL, server.port()).assertSuccess();

    assertThat(server.count("vittne.sip.requests", Map.of("method", "INVITE"))).isPositive();
    assertThat(server.count("vittne.sip.responses", Map.of("method", "INVITE", "status", "200")))
        .isPositive();
    assertThat(server.count("vittne.sip.sessions.started")).isPositive();
  }
}
