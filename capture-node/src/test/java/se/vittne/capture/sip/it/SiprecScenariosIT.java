package se.vittne.capture.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
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
import se.vittne.capture.sip.SessionUpdate;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Direction;

/**
 * SIPp plays the SRC against a real SIP server; the probe handler shows what the session layer saw.
 */
class SiprecScenariosIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static SipTestServer server;

  @BeforeAll
  static void start() throws IOException {
    server =
        SipTestServer.start(
            SipServerConfig.of(SipTestServer.LOCAL, 0),
            List.of(SipTestServer.pbx(), SipTestServer.digestPbx()));
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

  private static List<SessionUpdate> updatesOf(SessionOffer offer) {
    return server.handler().updates().stream()
        .filter(u -> u.sessionId().equals(offer.sessionId()))
        .toList();
  }

  private static SessionOffer offerByCallId(String requestUser, int offersBefore) {
    return server
        .handler()
        .awaitOffer(
            o ->
                server.handler().offers().indexOf(o) >= offersBefore
                    && o.identities().requestUri().contains(requestUser),
            WAIT);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"u1", "t1"})
  void followsPauseAndResumeByReInvite(String transport) {
    int before = server.handler().offers().size();

    Sipp.scenario("siprec-pause-resume.xml")
        .transport(transport)
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();

    SessionOffer offer = offerByCallId("srs@", before);
    List<SessionUpdate> updates = updatesOf(offer);
    assertThat(updates).hasSize(4);
    assertThat(updates).extracting(SessionUpdate::paused).containsExactly(true, false, true, false);
    assertThat(updates.get(0).changed())
        .extracting(StreamSpec::direction)
        .containsOnly(MediaDirection.INACTIVE);
    assertThat(updates.get(2).changed())
        .allSatisfy(s -> {
          assertThat(s.direction()).isEqualTo(MediaDirection.SENDONLY);
          assertThat(s.remote()).isEmpty();
        });
    assertThat(updates.get(3).streams()).allSatisfy(s -> assertThat(s.remote()).isPresent());
    assertThat(updates)
        .allSatisfy(u -> {
          assertThat(u.added()).isEmpty();
          assertThat(u.removed()).isEmpty();
          assertThat(u.metadataChanged()).isFalse();
        });
    assertThat(server.handler().awaitEnd(offer.sessionId(), WAIT).reason())
        .isEqualTo(EndReason.BYE);
  }

  @Test
  void takesMetadataUpdatesWithAndWithoutSdp() {
    int before = server.handler().offers().size();

    Sipp.scenario("siprec-metadata-update.xml")
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();

    SessionOffer offer =
        server
            .handler()
            .awaitOffer(
                o ->
                    server.handler().offers().indexOf(o) >= before
                        && o.metadata().map(m -> m.participants().size() == 2).orElse(false)
                        && o.streams().size() == 1,
                WAIT);
    assertThat(offer.streams()).extracting(StreamSpec::label).containsExactly("10");
    List<SessionUpdate> updates = updatesOf(offer);
    assertThat(updates).hasSize(2);
    SessionUpdate metadataOnly = updates.get(0);
    assertThat(metadataOnly.method()).isEqualTo("UPDATE");
    assertThat(metadataOnly.metadataChanged()).isTrue();
    assertThat(metadataOnly.mediaChanged()).isFalse();
    assertThat(metadataOnly.metadata().orElseThrow().sendersOf("20"))
        .extracting(p -> p.aor().orElseThrow())
        .containsExactly("sip:4002@203.0.113.32");
    SessionUpdate withSdp = updates.get(1);
    assertThat(withSdp.method()).isEqualTo("INVITE");
    assertThat(withSdp.added())
        .extracting(StreamSpec::label, StreamSpec::channel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("20", 1));
    assertThat(
            withSdp
                .metadata()
                .orElseThrow()
                .participant("5e6f7a8b9c0d1e2f3a4b")
                .flatMap(p -> p.name()))
        .contains("Agent 4002");
    assertThat(server.handler().awaitEnd(offer.sessionId(), WAIT).reason())
        .isEqualTo(EndReason.BYE);
  }

  @Test
  void cancelBeforeTheAnswerGets487AndEndsTheSession() {
    int before = server.handler().offers().size();
    double cancelled = server.count("vittne.sip.sessions.ended", Map.of("reason", "cancelled"));

    Sipp.scenario("siprec-cancel.xml").run(SipTestServer.LOCAL, server.port()).assertSuccess();

    SessionOffer offer = offerByCallId("slow@", before);
    SessionEnd end = server.handler().awaitEnd(offer.sessionId(), WAIT);
    assertThat(end.reason()).isEqualTo(EndReason.CANCELLED);
    assertThat(server.handler().media(offer.sessionId())).isEmpty();
    assertThat(server.count("vittne.sip.sessions.ended", Map.of("reason", "cancelled")))
        .isEqualTo(cancelled + 1);
  }

  @Test
  void answersOptionsWithCapabilities() {
    double before =
        server.count("vittne.sip.responses", Map.of("method", "OPTIONS", "status", "200"));

    Sipp.scenario("options.xml").run(SipTestServer.LOCAL, server.port()).assertSuccess();

    assertThat(server.count("vittne.sip.responses", Map.of("method", "OPTIONS", "status", "200")))
        .isEqualTo(before + 1);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"u1", "t1"})
  void sessionRefreshesNeitherEndNorDisturbTheSession(String transport) {
    int before = server.handler().offers().size();
    double refreshed = server.count("vittne.sip.sessions.refreshed");

    Sipp.scenario("siprec-refresh.xml")
        .transport(transport)
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();

    SessionOffer offer = offerByCallId("srs@", before);
    assertThat(updatesOf(offer)).isEmpty();
    SessionEnd end = server.handler().awaitEnd(offer.sessionId(), WAIT);
    assertThat(end.reason()).isEqualTo(EndReason.BYE);
    assertThat(
            server.handler().ends().stream().filter(e -> e.sessionId().equals(offer.sessionId())))
        .hasSize(1);
    assertThat(server.count("vittne.sip.sessions.refreshed")).isEqualTo(refreshed + 2);
  }

  @Test
  void refusesUnknownTrunkWith403AndStartsNothing() {
    int offers = server.handler().offers().size();
    double refused = server.count("vittne.sip.refusals", Map.of("reason", "untrusted"));

    Sipp.scenario("untrusted.xml")
        .from(SipTestServer.UNTRUSTED)
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();

    assertThat(server.handler().offers()).hasSize(offers);
    assertThat(server.count("vittne.sip.refusals", Map.of("reason", "untrusted")))
        .isEqualTo(refused + 2);
  }

  @Test
  void acceptsDigestTrunkAfterChallenge() {
    int before = server.handler().offers().size();
    double challenged = server.count("vittne.sip.refusals", Map.of("reason", "unauthenticated"));

    Sipp.scenario("digest-auth.xml")
        .from(SipTestServer.DIGEST_PBX)
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();

    SessionOffer offer = offerByCallId("srs@", before);
    assertThat(offer.trunk().id()).isEqualTo("digest-pbx");
    assertThat(offer.kind()).isEqualTo(SessionKind.FORKED_LEG);
    assertThat(server.count("vittne.sip.refusals", Map.of("reason", "unauthenticated")))
        .isEqualTo(challenged + 1);
  }

  @Test
  void takesPlainForkedLegWithFactsFromHeaders() {
    int before = server.handler().offers().size();

    Sipp.scenario("forked-leg.xml").run(SipTestServer.LOCAL, server.port()).assertSuccess();

    SessionOffer offer = offerByCallId("record@", before);
    assertThat(offer.kind()).isEqualTo(SessionKind.FORKED_LEG);
    assertThat(offer.metadata()).isEmpty();
    assertThat(offer.streams())
        .extracting(StreamSpec::label, StreamSpec::channel, StreamSpec::direction)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0", 0, MediaDirection.SENDRECV),
            org.assertj.core.groups.Tuple.tuple("1", 1, MediaDirection.SENDRECV));
    var facts = offer.facts();
    assertThat(facts.direction()).contains(Direction.INCOMING);
    assertThat(facts.answerGroup()).contains("support");
    assertThat(facts.consent()).isEqualTo(ConsentSignal.GRANTED);
    assertThat(facts.recordedParty().flatMap(PartyIdentity::user)).contains("4711");
    assertThat(facts.remoteNumber().map(Object::toString)).contains("+46701234567");
    assertThat(facts.dialledNumber().map(Object::toString)).contains("+46855500100");
    assertThat(server.handler().awaitEnd(offer.sessionId(), WAIT).reason())
        .isEqualTo(EndReason.BYE);
  }

  @Test
  void endsSessionThatIsNotRefreshedInTime() throws IOException {
    SipServerConfig config =
        SipServerConfig.of(SipTestServer.LOCAL, 0)
            .withSessionTimers(
                new SipServerConfig.SessionTimers(
                    true, Duration.ofSeconds(1800), Duration.ofSeconds(2)));
    try (SipTestServer shortTimers = SipTestServer.start(config, List.of(SipTestServer.pbx()))) {
      Sipp.scenario("session-expiry.xml")
          .run(SipTestServer.LOCAL, shortTimers.port())
          .assertSuccess();

      SessionOffer offer = shortTimers.handler().offers().get(0);
      SessionEnd end = shortTimers.handler().awaitEnd(offer.sessionId(), WAIT);
      assertThat(end.reason()).isEqualTo(EndReason.SESSION_EXPIRED);
    }
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
