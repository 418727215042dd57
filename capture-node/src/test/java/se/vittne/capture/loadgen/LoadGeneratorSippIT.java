package se.vittne.capture.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.capture.loadgen.audio.G711Decode;
import se.vittne.capture.loadgen.audio.Tones;
import se.vittne.capture.loadgen.sip.SipTimers;

/**
 * Real SIPREC calls against SIPp as the recorder: SIPp answers with two m-lines pointing at two UDP
 * receivers of the test, which count and decode what arrives.
 */
class LoadGeneratorSippIT {
  private static final int CALLS = 3;
  private static final int FRAMES = 50;
  private static String sipp;

  @BeforeAll
  static void needsSipp() {
    sipp = RequiredTool.require("sipp", "sip-tester");
  }

  @Test
  @Timeout(60)
  void callsAreSetUpBothStreamsArriveAndByeIsAnsweredOverUdp() throws Exception {
    placeCallsAndCheckMedia("u1", Codec.PCMU);
  }

  @Test
  @Timeout(60)
  void callsWorkOverTcpToo() throws Exception {
    placeCallsAndCheckMedia("t1", Codec.PCMA);
  }

  @Test
  @Timeout(60)
  void refusedCallsAreCountedByStatusCode() throws Exception {
    try (SippProcess uas = SippProcess.uas(sipp, "busy-uas.xml", "u1", 2)) {
      LoadResult result =
          LoadGenerator.run(config(uas, "u1", Codec.PCMU, 2), Duration.ofSeconds(40));

      assertThat(result.callsAttempted()).isEqualTo(2);
      assertThat(result.callsFailed()).isEqualTo(2);
      assertThat(result.failures()).containsExactly(Map.entry("486", 2));
      assertThat(result.calls()).extracting(CallOutcome::statusCode).containsOnly(486);
      assertThat(result.packetsSent()).isZero();
      assertThat(uas.awaitExit(20)).as(uas.log()).isZero(); // SIPp got its ACKs
    }
  }

  private void placeCallsAndCheckMedia(String transport, Codec codec) throws Exception {
    try (UdpCollector caller = new UdpCollector();
        UdpCollector callee = new UdpCollector();
        SippProcess uas =
            SippProcess.uas(
                sipp,
                "siprec-uas.xml",
                transport,
                CALLS,
                "srs_port_a",
                Integer.toString(caller.port()),
                "srs_port_b",
                Integer.toString(callee.port()),
                "srs_pt",
                Integer.toString(codec.payloadType()))) {
      LoadResult result = run(uas, transport, codec);

      assertThat(result.failures()).as(uas.log()).isEmpty();
      assertThat(result.callsSetUp()).isEqualTo(CALLS);
      assertThat(result.callsCompleted()).isEqualTo(CALLS);
      assertThat(result.packetsSent()).isEqualTo(2L * CALLS * FRAMES);
      assertThat(uas.awaitExit(20)).as(uas.log()).isZero(); // every BYE reached SIPp

      Map<Long, List<byte[]>> callerStreams = bySsrc(caller.await(CALLS * FRAMES, 5000));
      Map<Long, List<byte[]>> calleeStreams = bySsrc(callee.await(CALLS * FRAMES, 5000));
      assertThat(callerStreams).hasSize(CALLS);
      assertThat(calleeStreams).hasSize(CALLS);
      for (List<byte[]> stream : callerStreams.values()) {
        assertThat(stream).hasSize(FRAMES);
        assertThat(dominantHz(stream, codec)).isCloseTo(440, within(4.0));
      }
      for (List<byte[]> stream : calleeStreams.values()) {
        assertThat(stream).hasSize(FRAMES);
        assertThat(dominantHz(stream, codec)).isCloseTo(1000, within(4.0));
      }
    }
  }

  /** Retries while SIPp is still starting (a TCP connect is refused until it listens). */
  private static LoadResult run(SippProcess uas, String transport, Codec codec) throws Exception {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return LoadGenerator.run(config(uas, transport, codec, CALLS), Duration.ofSeconds(40));
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw last;
  }

  private static LoadGenConfig config(SippProcess uas, String transport, Codec codec, int calls) {
    Signalling.Transport sipTransport =
        transport.startsWith("t") ? Signalling.Transport.TCP : Signalling.Transport.UDP;
    return LoadGenConfig.builder()
        .signalling(new Signalling.Siprec(uas.address(), sipTransport, 0, SipTimers.DEFAULT))
        .calls(calls)
        .rate(10)
        .hold(Duration.ofMillis(FRAMES * 20L))
        .codec(codec)
        .build();
  }

  private static Map<Long, List<byte[]>> bySsrc(List<byte[]> packets) {
    Map<Long, List<byte[]>> streams = new LinkedHashMap<>();
    for (byte[] packet : packets) {
      long ssrc =
          ((packet[8] & 0xFFL) << 24)
              | ((packet[9] & 0xFF) << 16)
              | ((packet[10] & 0xFF) << 8)
              | (packet[11] & 0xFF);
      streams.computeIfAbsent(ssrc, s -> new ArrayList<>()).add(packet);
    }
    return streams;
  }

  /** Decodes the G.711 payloads in sequence order and finds the tone. */
  private static double dominantHz(List<byte[]> stream, Codec codec) {
    List<byte[]> ordered = new ArrayList<>(stream);
    int firstSequence = sequence(ordered.get(0));
    ordered.sort((a, b) ->
        Integer.compare(
            (sequence(a) - firstSequence) & 0xFFFF, (sequence(b) - firstSequence) & 0xFFFF));
    double[] pcm = new double[ordered.size() * 160];
    int n = 0;
    for (byte[] packet : ordered) {
      for (int i = 12; i < packet.length; i++) {
        pcm[n++] = codec == Codec.PCMU ? G711Decode.ulaw(packet[i]) : G711Decode.alaw(packet[i]);
      }
    }
    return Tones.dominantHz(pcm, 8000);
  }

  private static int sequence(byte[] packet) {
    return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
  }
}
