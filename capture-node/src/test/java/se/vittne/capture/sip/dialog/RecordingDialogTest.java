package se.vittne.capture.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.EndReason;
import se.vittne.capture.sip.RecordingSessionHandler;
import se.vittne.capture.sip.SessionAnswer;
import se.vittne.capture.sip.SessionEnd;
import se.vittne.capture.sip.SessionOffer;
import se.vittne.capture.sip.SessionUpdate;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.message.DialogHandle;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.Reply;
import se.vittne.capture.sip.message.SipMetrics;
import se.vittne.capture.sip.trunk.ConfiguredTrunkDirectory;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;

class RecordingDialogTest {
  private static final String SDP =
      """
      v=0\r
      o=- 7 1 IN IP4 192.0.2.10\r
      s=-\r
      c=IN IP4 192.0.2.10\r
      t=0 0\r
      m=audio 20000 RTP/AVP 8\r
      a=label:1\r
      a=sendonly\r
      m=audio 20002 RTP/AVP 8\r
      a=label:2\r
      a=sendonly\r
      """;

  private final Handler handler = new Handler();
  private final Dialog dialog = new Dialog();
  private SignallingCore core;

  @BeforeEach
  void start() throws Exception {
    core =
        new SignallingCore(
            SipServerConfig.of(InetAddress.getLoopbackAddress(), 5060),
            new ConfiguredTrunkDirectory(
                List.of(
                    Trunk.bySource(
                        "pbx",
                        TenantId.of("11111111-1111-1111-1111-111111111111"),
                        NumberingPlan.SWEDEN,
                        "127.0.0.1"))),
            handler,
            new SipMetrics(new SimpleMeterRegistry()),
            InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() {
    core.shutdown(Duration.ofSeconds(2));
  }

  private FakeExchange invite(String callId, String... headers) throws Exception {
    FakeExchange.Builder builder =
        FakeExchange.request("INVITE", callId).sdp(SDP).header("Require", "siprec");
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    FakeExchange exchange = builder.build();
    core.onRequest(exchange, Optional.of(dialog));
    return exchange;
  }

  private Reply establish(String callId, String... headers) throws Exception {
    Reply ok = invite(callId, headers).finalReply();
    assertThat(ok.status()).isEqualTo(200);
    core.onAck(callId + ";src");
    return ok;
  }

  private FakeExchange inDialog(String method, String callId, String sdp) throws Exception {
    FakeExchange.Builder builder = FakeExchange.request(method, callId).inDialog();
    if (sdp != null) {
      builder.sdp(sdp);
    }
    FakeExchange exchange = builder.build();
    core.onRequest(exchange, Optional.of(dialog));
    return exchange;
  }

  @Test
  void answersAcceptedOfferReceiveOnlyWithSiprecHeaders() throws Exception {
    Reply ok = establish("c1");

    assertThat(ok.contact()).isTrue();
    assertThat(FakeExchange.header(ok, "Require")).contains("siprec");
    assertThat(FakeExchange.body(ok))
        .contains("a=label:1", "a=label:2", "a=recvonly")
        .doesNotContain("sendonly");
    assertThat(handler.offers)
        .singleElement()
        .satisfies(
            o -> assertThat(o.streams()).extracting(StreamSpec::label).containsExactly("1", "2"));
    assertThat(core.activeSessions()).isEqualTo(1);
  }

  @Test
  void answers500WhenTheHandlerFailsAndReportsNoEnd() throws Exception {
    handler.fail = true;

    Reply reply = invite("c2").finalReply();

    assertThat(reply.status()).isEqualTo(500);
    assertThat(handler.ends).isEmpty();
    assertThat(core.activeSessions()).isZero();
  }

  @Test
  void passesTheHandlersRefusalOn() throws Exception {
    handler.refusal = SessionAnswer.refuse(503, "Service Unavailable - licences");

    Reply reply = invite("c3").finalReply();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.reason()).isEqualTo("Service Unavailable - licences");
    assertThat(handler.ends).isEmpty();
  }

  @Test
  void reportsCancelledWhenTheCancelOvertakesTheAnswer() throws Exception {
    handler.gate = new CountDownLatch(1);
    FakeExchange exchange = invite("c4");
    assertThat(handler.entered.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(exchange.cancel()).isTrue();
    core.onCancel(exchange);
    handler.gate.countDown();

    assertThat(exchange.finalReply().status()).isEqualTo(487);
    assertThat(handler.awaitEnd().reason()).isEqualTo(EndReason.CANCELLED);
    assertThat(exchange.silentFor(Duration.ofMillis(200))).isTrue();
  }

  @Test
  void neverOffersAnInviteCancelledBeforeItWasProcessed() throws Exception {
    FakeExchange exchange = FakeExchange.request("INVITE", "c5").sdp(SDP).build();
    exchange.cancel();

    core.onRequest(exchange, Optional.of(dialog));

    Thread.sleep(300);
    assertThat(handler.offers).isEmpty();
    assertThat(core.activeSessions()).isZero();
  }

  @Test
  void treatsAnUnchangedReInviteAsARefresh() throws Exception {
    Reply first = establish("c6");

    Reply second = inDialog("INVITE", "c6", SDP).finalReply();

    assertThat(second.status()).isEqualTo(200);
    assertThat(FakeExchange.body(second)).isEqualTo(FakeExchange.body(first));
    assertThat(handler.updates).isEmpty();
  }

  @Test
  void reportsPauseAndMirrorsItInTheAnswer() throws Exception {
    establish("c7");

    Reply paused =
        inDialog(
                "INVITE",
                "c7",
                SDP.replace("a=sendonly", "a=inactive").replace("o=- 7 1", "o=- 7 2"))
            .finalReply();

    assertThat(FakeExchange.body(paused))
        .contains("a=inactive")
        .doesNotContain("a=recvonly")
        .contains("o=vittne ");
    assertThat(handler.updates)
        .singleElement()
        .satisfies(u -> {
          assertThat(u.paused()).isTrue();
          assertThat(u.changed())
              .extracting(StreamSpec::direction)
              .containsOnly(MediaDirection.INACTIVE);
        });
  }

  @Test
  void keepsTheSessionAsItWasWhenAnUpdateIsRefused() throws Exception {
    establish("c8");
    handler.refusal = SessionAnswer.refuse(488, "Not Acceptable Here");

    Reply refused = inDialog("INVITE", "c8", SDP.replace("a=sendonly", "a=inactive")).finalReply();
    handler.refusal = null;
    Reply refresh = inDialog("INVITE", "c8", SDP).finalReply();

    assertThat(refused.status()).isEqualTo(488);
    assertThat(refresh.status()).isEqualTo(200);
    assertThat(handler.updates).hasSize(1);
    assertThat(core.activeSessions()).isEqualTo(1);
  }

  @Test
  void refusesTooShortSessionIntervalWithMinSe() throws Exception {
    Reply reply = invite("c9", "Supported", "timer", "Session-Expires", "30").finalReply();

    assertThat(reply.status()).isEqualTo(422);
    assertThat(FakeExchange.header(reply, "Min-SE")).contains("90");
  }

  @Test
  void endsOnByeOnce() throws Exception {
    establish("c10");

    Reply ok = inDialog("BYE", "c10", null).finalReply();
    Reply again = inDialog("BYE", "c10", null).finalReply();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(481);
    assertThat(handler.awaitEnd().reason()).isEqualTo(EndReason.BYE);
    Thread.sleep(100);
    assertThat(handler.ends).hasSize(1);
  }

  @Test
  void terminateSendsByeWithTheReasonAndReportsTheEnd() throws Exception {
    establish("c11");

    handler.offers.get(0).control().terminate("media timeout");

    assertThat(handler.awaitEnd().reason()).isEqualTo(EndReason.TERMINATED);
    assertThat(dialog.byes).containsExactly("media timeout");
  }

  @Test
  void shutdownEndsRunningSessionsWithBye() throws Exception {
    establish("c12");

    core.shutdown(Duration.ofSeconds(2));

    assertThat(handler.ends)
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(EndReason.SHUTDOWN));
    assertThat(dialog.byes).containsExactly("server shutting down");
  }

  @Test
  void refusesInDialogRequestsFromOutsideTheTrunk() throws Exception {
    establish("c13");
    FakeExchange stranger =
        FakeExchange.request("BYE", "c13").inDialog().from("192.0.2.66").build();

    core.onRequest(stranger, Optional.of(dialog));

    assertThat(stranger.finalReply().status()).isEqualTo(403);
    assertThat(core.activeSessions()).isEqualTo(1);
  }

  /** Records the callbacks; can fail, refuse, or hold the offer at a gate. */
  private static final class Handler implements RecordingSessionHandler {
    final List<SessionOffer> offers = new CopyOnWriteArrayList<>();
    final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
    final List<SessionEnd> ends = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile boolean fail;
    volatile SessionAnswer.Refuse refusal;
    volatile CountDownLatch gate;

    @Override
    public SessionAnswer onOffer(SessionOffer offer) {
      offers.add(offer);
      entered.countDown();
      if (gate != null) {
        try {
          gate.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (fail) {
        throw new IllegalStateException("handler failure");
      }
      if (refusal != null) {
        return refusal;
      }
      return SessionAnswer.accept(offer.streams().stream().map(Handler::endpoint).toList());
    }

    @Override
    public SessionAnswer onUpdate(SessionUpdate update) {
      updates.add(update);
      if (refusal != null) {
        return refusal;
      }
      return SessionAnswer.accept(update.streams().stream().map(Handler::endpoint).toList());
    }

    @Override
    public void onEnd(SessionEnd end) {
      ends.add(end);
    }

    SessionEnd awaitEnd() throws InterruptedException {
      for (int i = 0; i < 250 && ends.isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(ends).isNotEmpty();
      return ends.get(0);
    }

    private static LocalEndpoint endpoint(StreamSpec stream) {
      InetSocketAddress rtp =
          new InetSocketAddress(
              InetAddress.getLoopbackAddress(), 30000 + 2 * Integer.parseInt(stream.label()));
      return new LocalEndpoint(
          stream.label(),
          rtp,
          new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1),
          stream.formats());
    }
  }

  /** Records the BYEs the dialog logic sends. */
  private static final class Dialog implements DialogHandle {
    final List<String> byes = new CopyOnWriteArrayList<>();

    @Override
    public void sendBye(String reason) {
      byes.add(reason);
    }

    @Override
    public void sendUpdate(List<HeaderField> headers, IntConsumer onFinalStatus) {
      onFinalStatus.accept(200);
    }
  }
}
