package se.vittne.capture.media;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the RTP media engine runs.
 *
 * @param bindAddress the local address RTP ports are bound to (may be the wildcard)
 * @param advertisedAddress the address put in {@link LocalEndpoint}s for the SDP answer; must be a
 *     concrete address when {@code bindAddress} is the wildcard
 * @param firstPort lowest port of the RTP/RTCP range (even ports RTP, odd RTCP)
 * @param lastPort highest port of the range
 * @param spoolDirectory where WAV files are written while calls run
 * @param eventLoopThreads Netty event-loop threads receiving UDP (1-2 suffice for thousands of
 *     streams)
 * @param writerThreads threads decoding, aligning and writing WAV; each session belongs to one
 * @param jitterWindow how long audio waits for late and reordered packets before it is final (the
 *     reorder window); a packet later than this may be dropped as late
 * @param flushInterval how much final audio collects before it is written; with the jitter window
 *     the most audio a kill -9 can lose (at most 1 s)
 * @param batchInterval the longest a packet waits on the event loop before its batch is handed to
 *     the writer
 * @param handoffBatches batches of up to {@value se.vittne.capture.rtp.PacketBatch#MAX_PACKETS}
 *     packets each writer can have queued; beyond, packets are dropped and counted
 * @param receiveBufferBytes SO_RCVBUF of each socket, 0 for the system default
 * @param nativeTransport use Netty's epoll transport where available
 * @param timestampJump a stream whose timestamps disagree with the arrival clock by more than this
 *     is re-anchored to arrival (timestamp jump, frozen clock across hold)
 * @param driftTolerance how far a stream may drift from its arrival (or RTCP sender report) time
 *     before it is moved back into line
 * @param concealmentLimit the longest gap a codec with loss concealment (Opus) fills; longer gaps
 *     become silence
 */
public record RtpMediaEngineConfig(
    InetAddress bindAddress,
    InetAddress advertisedAddress,
    int firstPort,
    int lastPort,
    Path spoolDirectory,
    int eventLoopThreads,
    int writerThreads,
    Duration jitterWindow,
    Duration flushInterval,
    Duration batchInterval,
    int handoffBatches,
    int receiveBufferBytes,
    boolean nativeTransport,
    Duration timestampJump,
    Duration driftTolerance,
    Duration concealmentLimit) {

  public RtpMediaEngineConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(advertisedAddress, "advertisedAddress");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    if (advertisedAddress.isAnyLocalAddress()) {
      throw new IllegalArgumentException("advertised address must be concrete");
    }
    if (eventLoopThreads < 1 || writerThreads < 1 || handoffBatches < 1) {
      throw new IllegalArgumentException("threads and batches must be positive");
    }
    requireBetween("jitterWindow", jitterWindow, Duration.ofMillis(20), Duration.ofMillis(500));
    requireBetween("flushInterval", flushInterval, Duration.ofMillis(20), Duration.ofMillis(900));
    requireBetween("batchInterval", batchInterval, Duration.ofMillis(1), Duration.ofMillis(50));
    requireBetween("timestampJump", timestampJump, Duration.ofMillis(100), Duration.ofSeconds(2));
    requireBetween("driftTolerance", driftTolerance, Duration.ofMillis(2), Duration.ofMillis(200));
    requireBetween("concealmentLimit", concealmentLimit, Duration.ZERO, Duration.ofMillis(500));
    if (jitterWindow.plus(flushInterval).compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException(
          "jitterWindow + flushInterval must not exceed 1 s: it bounds the audio a crash loses");
    }
  }

  private static void requireBetween(String name, Duration d, Duration min, Duration max) {
    Objects.requireNonNull(d, name);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ": " + d);
    }
  }

  /**
   * The defaults for a bind address, port range and spool: one event loop, one writer, 100 ms
   * jitter window, 500 ms flush interval, 10 ms batches, 256 batches per writer, epoll.
   */
  public static RtpMediaEngineConfig defaults(
      InetAddress bindAddress, int firstPort, int lastPort, Path spoolDirectory) {
    return new RtpMediaEngineConfig(
        bindAddress,
        bindAddress,
        firstPort,
        lastPort,
        spoolDirectory,
        1,
        1,
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofMillis(10),
        256,
        0,
        true,
        Duration.ofMillis(250),
        Duration.ofMillis(20),
        Duration.ofMillis(100));
  }

  /** This configuration with other thread counts. */
  public RtpMediaEngineConfig withThreads(int eventLoops, int writers) {
    return new RtpMediaEngineConfig(
        bindAddress,
        advertisedAddress,
        firstPort,
        lastPort,
        spoolDirectory,
        eventLoops,
        writers,
        jitterWindow,
        flushInterval,
        batchInterval,
        handoffBatches,
        receiveBufferBytes,
        nativeTransport,
        timestampJump,
        driftTolerance,
        concealmentLimit);
  }
}
