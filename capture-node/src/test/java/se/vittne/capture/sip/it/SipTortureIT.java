package se.vittne.capture.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.vittne.capture.sip.SipTransport;

/**
 * Sends malformed and unusual SIP messages over UDP and TCP to a real server and checks each answer
 * (or that the unanswerable ones are dropped and counted), then that normal calls still work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SipTortureIT {
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
  private static final Duration DROP_WAIT = Duration.ofMillis(800);
  private static SipTestServer server;
  private static RawSipClient udp;

  @BeforeAll
  static void start() throws IOException {
    server = SipTestServer.start();
    udp = new RawSipClient(SipTestServer.LOCAL, SipTestServer.LOCAL, server.port());
  }

  @AfterAll
  static void stop() {
    udp.close();
    server.close();
  }

  static List<TortureCase> udpCases() {
    return TortureCases.all().stream().filter(TortureCase::udp).toList();
  }

  static List<TortureCase> tcpCases() {
    return TortureCases.all().stream().filter(TortureCase::tcp).toList();
  }

  @Test
  @Order(0)
  void hasAtLeastFortyDistinctCases() {
    assertThat(TortureCases.all()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(TortureCases.all()).extracting(TortureCase::name).doesNotHaveDuplicates();
    assertThat(udpCases().size() + tcpCases().size()).isGreaterThanOrEqualTo(80);
  }

  @ParameterizedTest(name = "UDP: {0}")
  @MethodSource("udpCases")
  @Order(1)
  void answersOrDropsOverUdp(TortureCase tortureCase) throws IOException {
    double malformed = server.count("vittne.sip.malformed");
    TortureCase.Rendered message =
        tortureCase.render("UDP", udp.localPort(), target(SipTransport.UDP));

    Optional<String> answer = udpAnswer(message, tortureCase);

    check(tortureCase, answer, malformed);
  }

  @ParameterizedTest(name = "TCP: {0}")
  @MethodSource("tcpCases")
  @Order(2)
  void answersOrDropsOverTcp(TortureCase tortureCase) throws IOException {
    double malformed = server.count("vittne.sip.malformed");
    Duration wait = tortureCase.mustBeDropped() ? DROP_WAIT : ANSWER_WAIT;
    String[] callId = new String[1];

    String read =
        RawSipClient.tcp(
            SipTestServer.LOCAL,
            SipTestServer.LOCAL,
            server.server().port(SipTransport.TCP),
            localPort -> {
              TortureCase.Rendered rendered =
                  tortureCase.render("TCP", localPort, target(SipTransport.TCP));
              callId[0] = rendered.callId();
              return rendered.bytes();
            },
            wait);

    check(tortureCase, finalResponse(split(read), callId[0]), malformed);
  }

  @Test
  @Order(3)
  void stillServesNormalCallsAfterwardsOverUdpAndTcp() {
    Sipp.assumeInstalled();
    int offers = server.handler().offers().size();

    Sipp.scenario("siprec-call.xml")
        .transport("u1")
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();
    Sipp.scenario("siprec-call.xml")
        .transport("t1")
        .run(SipTestServer.LOCAL, server.port())
        .assertSuccess();
    Sipp.scenario("options.xml").run(SipTestServer.LOCAL, server.port()).assertSuccess();

    assertThat(server.handler().offers()).hasSize(offers + 2);
    assertThat(server.server().activeSessions()).isZero();
  }

  @Test
  @Order(4)
  void sessionLayerSawOnlyTheWellFormedInvitesAndNothingStayedOpen() {
    long busyCases =
        TortureCases.all().stream()
            .filter(c -> c.template().startsWith("INVITE sip:busy@"))
            .mapToLong(c -> (c.udp() ? 1 : 0) + (c.tcp() ? 1 : 0))
            .sum();

    assertThat(
            server.handler().offers().stream()
                .filter(o -> o.identities().requestUri().startsWith("sip:busy@")))
        .hasSize((int) busyCases);
    assertThat(server.handler().offers())
        .allSatisfy(o -> assertThat(o.identities().requestUri()).matches("sip:(busy|srs)@.*"));
    assertThat(server.handler().ends())
        .allSatisfy(e -> assertThat(e.reason().name()).isEqualTo("BYE"));
    assertThat(server.server().activeSessions()).isZero();
  }

  private static void check(TortureCase tortureCase, Optional<String> answer, double malformed) {
    if (tortureCase.mustBeDropped()) {
      assertThat(answer).as("%s must not be answered", tortureCase).isEmpty();
      if (!tortureCase.name().equals("stray ACK")) {
        // On TCP the stack may close the connection a moment before its parser gives up.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (server.count("vittne.sip.malformed") <= malformed && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertThat(server.count("vittne.sip.malformed"))
            .as("%s must be counted as malformed", tortureCase)
            .isGreaterThan(malformed);
      }
      return;
    }
    assertThat(answer).as("%s must be answered", tortureCase).isPresent();
    int status = RawSipClient.status(answer.get()).orElseThrow();
    assertThat(tortureCase.expected())
        .as("status of %s: %s", tortureCase, firstLine(answer.get()))
        .contains(status);
    assertThat(firstLine(answer.get()))
        .as("status line of %s is one line", tortureCase)
        .doesNotContain("\n");
  }

  private static Optional<String> udpAnswer(TortureCase.Rendered message, TortureCase tortureCase)
      throws IOException {
    List<String> seen =
        new ArrayList<>(
            udp.udp(
                message.bytes(), tortureCase.mustBeDropped() ? DROP_WAIT : Duration.ofMillis(200)));
    long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
    Optional<String> answer = finalResponse(seen, message.callId());
    while (answer.isEmpty() && !tortureCase.mustBeDropped() && System.nanoTime() < deadline) {
      seen.addAll(udp.receive(Duration.ofMillis(200)));
      answer = finalResponse(seen, message.callId());
    }
    answer.filter(a -> a.contains("CSeq: 1 INVITE")).ifPresent(a -> acknowledge(a));
    return answer;
  }

  /** ACKs a final INVITE response so that the server stops retransmitting it. */
  private static void acknowledge(String response) {
    String ack =
        "ACK sip:srs@"
            + target(SipTransport.UDP)
            + " SIP/2.0\r\n"
            + header(response, "Via")
            + header(response, "From")
            + header(response, "To")
            + header(response, "Call-ID")
            + "CSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    try {
      udp.udp(ack.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(50));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String header(String response, String name) {
    for (String line : response.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line + "\r\n";
      }
    }
    return "";
  }

  /** The first final response (not 1xx) with this Call-ID, if any. */
  private static Optional<String> finalResponse(List<String> responses, String callId) {
    return responses.stream()
        .filter(r -> RawSipClient.status(r).map(s -> s >= 200).orElse(false))
        .filter(r -> callId == null || r.contains(callId))
        .findFirst();
  }

  /** A TCP byte stream split into messages at each status line. */
  private static List<String> split(String stream) {
    List<String> messages = new ArrayList<>();
    int start = stream.indexOf("SIP/2.0 ");
    while (start >= 0) {
      int next = stream.indexOf("\r\nSIP/2.0 ", start + 1);
      messages.add(next < 0 ? stream.substring(start) : stream.substring(start, next + 2));
      start = next < 0 ? -1 : next + 2;
    }
    return messages;
  }

  private static String firstLine(String message) {
    int end = message.indexOf("\r\n");
    return end < 0 ? message : message.substring(0, end);
  }

  private static String target(SipTransport transport) {
    return "127.0.0.1:" + server.server().port(transport);
  }
}
