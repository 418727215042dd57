package se.vittne.capture.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.rtp.RtpPackets;
import se.vittne.capture.wav.RecoveredRecording;

/**
 * kill -9: a child JVM records a call, is killed with SIGKILL ({@link Process#destroyForcibly()})
 * while the call runs, and a new engine on the same spool recovers the file, which must hold all
 * but at most about one second of the audio sent.
 */
class SpoolCrashIT {
  private static final double SENT_SECONDS = 3.0;
  private static final double LEVEL = 8000;

  @TempDir Path spool;

  @Test
  void aKilledNodeLosesAtMostAboutOneSecondOfAudio() throws Exception {
    int first = 30000 + 2 * ThreadLocalRandom.current().nextInt(5000);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                spool.toString(),
                Integer.toString(first),
                Integer.toString(first + 19))
            .redirectErrorStream(true)
            .start();
    try {
      int[] ports = awaitReady(child);
      InetAddress loopback = InetAddress.getLoopbackAddress();
      AudioSource a = AudioSource.pcmu(600, LEVEL);
      AudioSource b = AudioSource.pcma(1500, LEVEL);
      int packets = (int) Math.round(SENT_SECONDS * 50);
      try (RtpScript script = new RtpScript()) {
        for (int i = 0; i < packets; i++) {
          script.send(
              20.0 * i,
              new InetSocketAddress(loopback, ports[0]),
              RtpPackets.rtp(0, false, i, 160L * i, 1, a.next()));
          script.send(
              20.0 * i,
              new InetSocketAddress(loopback, ports[1]),
              RtpPackets.rtp(8, false, i, 160L * i, 2, b.next()));
        }
        // the last packet goes out at 2.98 s; the node dies right after it
        script.at(20.0 * packets, child::destroyForcibly);
        script.play(System.nanoTime());
      }
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    } finally {
      child.destroyForcibly();
    }

    int base = 30000 + 2 * ThreadLocalRandom.current().nextInt(5000);
    try (RtpMediaEngine restarted =
        new RtpMediaEngine(
            RtpMediaEngineConfig.defaults(InetAddress.getLoopbackAddress(), base, base + 19, spool),
            new SimpleMeterRegistry())) {
      List<RecoveredRecording> recovered = restarted.start();

      assertThat(recovered).hasSize(1);
      RecoveredRecording r = recovered.get(0);
      assertThat(r.sessionId()).isEqualTo("crash-victim");
      assertThat(r.callId()).isEqualTo("call-crash");
      assertThat(r.wavFile().getFileName().toString()).isEqualTo("crash-victim.recovered.wav");
      assertThat(spool.resolve("crash-victim.wav.part")).doesNotExist();
      WavFile wav = WavFile.read(r.wavFile());
      assertThat(wav.channels).isEqualTo(2);
      assertThat(wav.rate).isEqualTo(8000);
      assertThat(r.duration().toNanos() / 1e9).isCloseTo(wav.seconds(), within(0.001));

      double onset = Math.min(wav.onset(0, 0, 2000), wav.onset(1, 0, 2000));
      double kept = wav.seconds() - onset;
      double lost = SENT_SECONDS - kept;
      System.out.printf(
          "kill -9: %.3f s of %.1f s sent recovered, %.3f s lost%n", kept, SENT_SECONDS, lost);
      assertThat(lost).as("audio lost to kill -9, seconds").isLessThanOrEqualTo(1.0);
      // and what survived is the call, on its channels, without gaps
      assertThat(wav.rms(0, onset, wav.seconds()))
          .isCloseTo(LEVEL / Math.sqrt(2), within(LEVEL * 0.05));
      assertThat(wav.rms(1, onset, wav.seconds()))
          .isCloseTo(LEVEL / Math.sqrt(2), within(LEVEL * 0.05));
      assertThat(wav.dominantHz(0, onset, wav.seconds())).isCloseTo(600, within(5.0));
      assertThat(wav.dominantHz(1, onset, wav.seconds())).isCloseTo(1500, within(5.0));
    }
  }

  /** Reads the child's output until READY, then keeps draining it so the child never blocks. */
  private static int[] awaitReady(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<int[]> ready =
        CompletableFuture.supplyAsync(() -> {
          try {
            String line;
            while ((line = out.readLine()) != null) {
              if (line.startsWith("READY ")) {
                String[] p = line.split(" ");
                Thread drain =
                    new Thread(() -> {
                      try {
                        while (out.readLine() != null) {
                          // discard
                        }
                      } catch (java.io.IOException e) {
                        // the child is gone
                      }
                    });
                drain.setDaemon(true);
                drain.start();
                return new int[] {Integer.parseInt(p[1]), Integer.parseInt(p[2])};
              }
            }
            throw new IllegalStateException("child exited before READY");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    return ready.get(60, TimeUnit.SECONDS);
  }
}
