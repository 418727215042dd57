package se.vittne.capture.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.rtp.RtpPackets;
import se.vittne.capture.wav.RecoveredRecording;

/** The engine's contract with the session layer: ports, formats, errors, life cycle. */
class RtpMediaEngineLimitsIT {
  private static final List<PayloadFormat> PCMU =
      List.of(new PayloadFormat(0, "PCMU", 8000, 1, ""));

  @TempDir Path spool;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RtpMediaEngine engine;
  private int first;

  private RtpMediaEngine start(int pairs) throws Exception {
    first = 40000 + 2 * ThreadLocalRandom.current().nextInt(10000);
    engine =
        new RtpMediaEngine(
            RtpMediaEngineConfig.defaults(
                InetAddress.getLoopbackAddress(), first, first + 2 * pairs - 1, spool),
            registry);
    engine.start();
    return engine;
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private static StreamSpec stream(String label, int channel, List<PayloadFormat> f, boolean mux) {
    return new StreamSpec(label, channel, f, MediaDirection.SENDONLY, Optional.empty(), mux);
  }

  private static MediaSessionSpec session(String id) {
    return new MediaSessionSpec(id, "call-" + id, 2, false);
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void endpointsAreEvenRtpPortsWithRtcpAboveOrMuxed() throws Exception {
    start(10);
    MediaSession s =
        engine.open(
            session("ports"), List.of(stream("a", 0, PCMU, false), stream("b", 1, PCMU, true)));
    LocalEndpoint a = s.endpoints().get(0);
    LocalEndpoint b = s.endpoints().get(1);
    assertThat(a.rtp().getPort() % 2).isZero();
    assertThat(a.rtcp().getPort()).isEqualTo(a.rtp().getPort() + 1);
    assertThat(b.rtcp()).isEqualTo(b.rtp());
    assertThat(a.accepted()).isEqualTo(PCMU);
    assertThat(gauge("vittne.media.ports.in_use")).isEqualTo(3);
    assertThat(gauge("vittne.media.streams.active")).isEqualTo(2);
    assertThat(engine.nativeTransport()).isTrue();

    s.updateStream(stream("b", 1, PCMU, false));
    assertThat(s.endpoints().get(1).rtcp().getPort()).isEqualTo(b.rtp().getPort() + 1);
    assertThat(gauge("vittne.media.ports.in_use")).isEqualTo(4);

    s.finish();
    assertThat(gauge("vittne.media.ports.in_use")).isZero();
    assertThat(gauge("vittne.media.streams.active")).isZero();
    assertThat(gauge("vittne.media.sessions.active")).isZero();
  }

  @Test
  void exhaustedPortRangeIsNoPortsAndFinishingReleasesThem() throws Exception {
    start(2);
    MediaSession one =
        engine.open(
            session("one"), List.of(stream("a", 0, PCMU, false), stream("b", 1, PCMU, false)));
    assertThatThrownBy(() -> engine.open(session("two"), List.of(stream("a", 0, PCMU, false))))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> assertThat(e.kind()).isEqualTo(MediaException.Kind.NO_PORTS));
    assertThat(spool.resolve("two.wav.part")).doesNotExist();
    one.finish();
    MediaSession three = engine.open(session("three"), List.of(stream("a", 0, PCMU, false)));
    assertThat(three.endpoints()).hasSize(1);
    three.discard();
  }

  @Test
  void aPortTakenByAnotherProgramIsSkipped() throws Exception {
    start(4);
    try (DatagramSocket squatter =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), first))) {
      MediaSession s = engine.open(session("skip"), List.of(stream("a", 0, PCMU, false)));
      assertThat(s.endpoints().get(0).rtp().getPort()).isEqualTo(first + 2);
      s.discard();
    }
  }

  @Test
  void offersWithoutSupportedAudioAreRefused() throws Exception {
    start(4);
    List<PayloadFormat> video = List.of(new PayloadFormat(96, "H264", 90000, 1, ""));
    List<PayloadFormat> eventsOnly =
        List.of(new PayloadFormat(101, "telephone-event", 8000, 1, ""));
    for (List<PayloadFormat> f : List.of(video, eventsOnly)) {
      assertThatThrownBy(() ->
              engine.open(
                  session("bad" + f.size() + f.get(0).payloadType()),
                  List.of(stream("a", 0, f, true))))
          .isInstanceOfSatisfying(
              MediaException.class,
              e -> assertThat(e.kind()).isEqualTo(MediaException.Kind.UNSUPPORTED_FORMAT));
    }
    assertThat(engine.supports(new PayloadFormat(0, "", 8000, 1, ""))).isTrue();
    assertThat(engine.supports(new PayloadFormat(97, "OPUS", 48000, 2, ""))).isTrue();
    assertThat(engine.supports(new PayloadFormat(98, "G729", 8000, 1, ""))).isFalse();
    assertThat(gauge("vittne.media.ports.in_use")).isZero();
  }

  @Test
  void anOpenStereoRecordingTakesLessThan64KiBOfHeap() throws Exception {
    start(420);
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    List<MediaSession> sessions = new java.util.ArrayList<>();
    // warm up the classes and pools one session touches, then measure many
    sessions.add(
        engine.open(
            session("warm"), List.of(stream("a", 0, PCMU, true), stream("b", 1, PCMU, true))));
    long before = usedHeapAfterGc(memory);
    int n = 200;
    for (int i = 0; i < n; i++) {
      sessions.add(
          engine.open(
              session("heap-" + i),
              List.of(stream("a", 0, PCMU, true), stream("b", 1, PCMU, true))));
    }
    long after = usedHeapAfterGc(memory);
    double perSession = (after - before) / (double) n;
    System.out.printf("heap per open stereo G.711 recording: %.1f KiB%n", perSession / 1024);
    assertThat(perSession).isLessThan(64 * 1024);
    for (MediaSession s : sessions) {
      s.discard();
    }
  }

  private static long usedHeapAfterGc(java.lang.management.MemoryMXBean memory)
      throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Test
  void aSessionIdCanBeUsedOnce() throws Exception {
    start(4);
    engine.open(session("same"), List.of()).finish();
    assertThatThrownBy(() -> engine.open(session("same"), List.of()))
        .isInstanceOfSatisfying(
            MediaException.class,
            e -> assertThat(e.kind()).isEqualTo(MediaException.Kind.INVALID_REQUEST));
  }

  @Test
  void discardErasesTheFileAndFinishIsIdempotent() throws Exception {
    start(4);
    MediaSession gone = engine.open(session("gone"), List.of(stream("a", 0, PCMU, true)));
    gone.discard();
    gone.discard();
    try (var files = Files.list(spool)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("gone"))).isEmpty();
    }
    MediaSession kept = engine.open(session("kept"), List.of(stream("a", 0, PCMU, true)));
    MediaResult r = kept.finish();
    assertThat(kept.finish()).isSameAs(r);
    assertThat(r.wavFile()).exists();
    assertThatThrownBy(() -> kept.addStream(stream("b", 1, PCMU, true)))
        .isInstanceOf(MediaException.class);
  }

  @Test
  void lastActivityFollowsThePacketsAndStreamsComeAndGo() throws Exception {
    start(6);
    MediaSession s = engine.open(session("activity"), List.of(stream("a", 0, PCMU, true)));
    Instant opened = s.lastActivity();
    assertThatThrownBy(() -> s.updateStream(stream("nope", 0, PCMU, true)))
        .isInstanceOf(MediaException.class);
    LocalEndpoint b = s.addStream(stream("b", 1, PCMU, true));
    assertThat(s.endpoints()).hasSize(2);
    AudioSource tone = AudioSource.pcmu(800, 8000);
    try (RtpScript script = new RtpScript()) {
      for (int i = 0; i < 25; i++) {
        script.send(20.0 * i, b.rtp(), RtpPackets.rtp(0, false, i, 160L * i, 5, tone.next()));
      }
      script.at(500, () -> s.removeStream("b"));
      for (int i = 25; i < 50; i++) {
        script.send(20.0 * i, b.rtp(), RtpPackets.rtp(0, false, i, 160L * i, 5, tone.next()));
      }
      script.play(System.nanoTime());
    }
    assertThat(s.lastActivity()).isAfter(opened.plusMillis(400));
    MediaResult r = s.finish();
    WavFile wav = WavFile.read(r.wavFile());
    double start = wav.onset(1, 0, 1000);
    assertThat(wav.rms(1, start + 0.05, start + 0.45)).isGreaterThan(4000);
    assertThat(wav.rms(1, start + 0.55, wav.seconds())).as("silence after removal").isZero();
    assertThat(r.quality().get(1).packets()).isBetween(24L, 26L);
  }

  @Test
  void closingTheEngineLeavesOpenRecordingsForRecovery() throws Exception {
    start(4);
    MediaSession s = engine.open(session("open"), List.of(stream("a", 0, PCMU, true)));
    AudioSource tone = AudioSource.pcmu(800, 8000);
    try (RtpScript script = new RtpScript()) {
      for (int i = 0; i < 75; i++) {
        script.send(
            20.0 * i,
            s.endpoints().get(0).rtp(),
            RtpPackets.rtp(0, false, i, 160L * i, 5, tone.next()));
      }
      script.play(System.nanoTime());
    }
    MediaSession erased = engine.open(session("erased"), List.of(stream("a", 0, PCMU, true)));
    engine.close();
    assertThatThrownBy(s::finish).isInstanceOf(MediaException.class);
    erased.discard(); // a call that must not be recorded is erased even after shutdown
    assertThat(spool.resolve("erased.wav.part")).doesNotExist();

    engine =
        new RtpMediaEngine(
            RtpMediaEngineConfig.defaults(
                InetAddress.getLoopbackAddress(), first, first + 7, spool),
            new SimpleMeterRegistry());
    List<RecoveredRecording> recovered = engine.start();
    assertThat(recovered).hasSize(1);
    RecoveredRecording r = recovered.get(0);
    assertThat(r.sessionId()).isEqualTo("open");
    WavFile wav = WavFile.read(r.wavFile());
    // everything up to the close: the last packet was sent 1.48 s into the script
    double start = wav.onset(0, 0, 1000);
    assertThat(wav.seconds()).isGreaterThanOrEqualTo(start + 1.47);
    assertThat(wav.rms(0, start, start + 1.47)).isCloseTo(8000 / Math.sqrt(2), within(400.0));
  }
}
