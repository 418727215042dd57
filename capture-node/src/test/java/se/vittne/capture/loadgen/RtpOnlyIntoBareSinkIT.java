package se.vittne.capture.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.vittne.capture.loadgen.audio.Codec;

/** The generator's RTP-only mode against the bare sink, over real loopback sockets. */
class RtpOnlyIntoBareSinkIT {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void everyPacketSentArrivesAtTheSinksPorts() throws Exception {
    int calls = 5;
    PortRange ports = freePorts(2 * calls);
    try (BareRtpSink sink = BareRtpSink.bind(LOOPBACK, ports, 8)) {
      LoadGenConfig config =
          LoadGenConfig.builder()
              .signalling(new Signalling.RtpOnly(LOOPBACK, ports))
              .calls(calls)
              .rate(50)
              .hold(Duration.ofMillis(600))
              .codec(Codec.PCMA)
              .build();

      LoadResult result = LoadGenerator.run(config, Duration.ofSeconds(30));

      long expected = calls * 2L * 30;
      assertThat(result.callsAttempted()).isEqualTo(calls);
      assertThat(result.callsCompleted()).isEqualTo(calls);
      assertThat(result.packetsSent()).isEqualTo(expected);
      assertThat(result.bytesSent()).isEqualTo(expected * (12 + 160));
      assertThat(result.packetsDropped()).isZero();
      assertThat(result.calls())
          .allSatisfy(call ->
              assertThat(call.streams())
                  .extracting(StreamOutcome::packets)
                  .containsExactly(30L, 30L));
      BareRtpSink.Counts counts = awaitPackets(sink, expected);
      assertThat(counts.packets()).isEqualTo(expected);
      assertThat(counts.bytes()).isEqualTo(result.bytesSent());
      assertThat(result.lateness().ticks()).isPositive();
      assertThat(result.cpu().process()).isPositive();
    }
  }

  /** A run of consecutive ports the OS has free now (bound and released). */
  static PortRange freePorts(int count) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
        first = probe.getLocalPort();
      }
      if (first + count > 65535) {
        continue;
      }
      if (allFree(first, count)) {
        return new PortRange(first, first + count - 1, 1);
      }
    }
    throw new IllegalStateException("no run of " + count + " free UDP ports");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (DatagramSocket probe = new DatagramSocket(port, LOOPBACK)) {
        // free
      } catch (java.net.SocketException e) {
        return false;
      }
    }
    return true;
  }

  static BareRtpSink.Counts awaitPackets(BareRtpSink sink, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    BareRtpSink.Counts counts = sink.counts();
    while (counts.packets() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      counts = sink.counts();
    }
    return counts;
  }
}
