package se.vittne.capture.node;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vittne.capture.node.CaptureNodeIT.awaitTrue;
import static se.vittne.storage.jooq.Tables.RECORDING;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.loadgen.LoadGenConfig;
import se.vittne.capture.loadgen.LoadGenerator;
import se.vittne.capture.loadgen.LoadResult;
import se.vittne.capture.loadgen.audio.AudioSource;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.demo.DemoCompany;
import se.vittne.storage.testing.PostgresExtension;

/**
 * R-62: a node is killed (SIGKILL) in the middle of a call; the node started again on the same data
 * directory archives what the crash left, marked recovered, with all but about a second of the
 * audio that was sent.
 */
class NodeCrashIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @TempDir Path data;
  @TempDir Path storeRoot;

  @Test
  void aRestartedNodeArchivesTheRecordingACrashInterrupted() throws Exception {
    TenantId tenant = DemoCompany.create(POSTGRES.dsl(), 5, "127.0.0.1/32");
    var config = POSTGRES.database().config();
    double sentSeconds;
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    NodeProcess.class.getName(),
                    config.jdbcUrl(),
                    config.user(),
                    config.password(),
                    data.toString(),
                    storeRoot.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      int sipPort = awaitReady(child);
      LoadGenerator call =
          LoadGenerator.start(
              LoadGenConfig.builder()
                  .target(new InetSocketAddress("127.0.0.1", sipPort))
                  .calls(1)
                  .hold(Duration.ofSeconds(20))
                  .codec(Codec.PCMU)
                  .audio(new AudioSource.Tones(List.of(440, 1000), 0.3))
                  .callerPattern("+4631888####")
                  .calleePattern("202")
                  .build());
      awaitSpoolAudio(Duration.ofSeconds(3));
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      LoadResult sent = call.await(Duration.ZERO);
      call.close();
      sentSeconds = sent.packetsSent() / 2 / 50.0;
    } finally {
      child.destroyForcibly();
    }

    try (CaptureNode restarted =
        NodeHarness.start(
            NodeHarness.config(data, 0),
            POSTGRES.database().database(),
            config,
            new FileSystemAudioStore(storeRoot))) {
      awaitTrue(
          () -> POSTGRES.dsl().fetchCount(RECORDING, RECORDING.TENANT_ID.eq(tenant.value())) == 1);
      var row =
          POSTGRES
              .dsl()
              .selectFrom(RECORDING)
              .where(RECORDING.TENANT_ID.eq(tenant.value()))
              .fetchSingle();
      assertThat(row.getRecovered()).isTrue();
      assertThat(row.getExtension()).isEqualTo("202");
      // All but at most about one second of the audio sent before the kill survives. The file
      // may be longer than what was sent: its timeline starts when the session was answered.
      assertThat(row.getDurationMs() / 1000.0)
          .isGreaterThan(2.5)
          .isBetween(sentSeconds - 1.2, sentSeconds + 2.0);
      assertThat(CaptureNodeIT.filesUnder(storeRoot)).hasSize(1);
      assertThat(CaptureNodeIT.filesUnder(data.resolve("spool"))).isEmpty();
    }
  }

  /** Waits until the child's spool holds this much flushed stereo 8 kHz audio. */
  private void awaitSpoolAudio(Duration audio) throws Exception {
    long bytes = 44 + audio.toMillis() * 8 * 2 * 2;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (Path file : CaptureNodeIT.filesUnder(data.resolve("spool"))) {
        if (file.toString().endsWith(".wav.part") && java.nio.file.Files.size(file) >= bytes) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the node did not write " + audio + " of audio");
  }

  private static int awaitReady(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> {}));
        return Integer.parseInt(line.substring(6).strip());
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    throw new AssertionError("the node process did not start");
  }
}
