package se.vittne.capture.media;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.vittne.capture.codec.AudioDecoder;
import se.vittne.capture.rtp.BatchSink;
import se.vittne.capture.rtp.Drop;
import se.vittne.capture.rtp.PacketBatch;
import se.vittne.capture.rtp.PacketBatcher;
import se.vittne.capture.rtp.ReceiveMetrics;
import se.vittne.capture.rtp.RtpValidator;
import se.vittne.capture.wav.SpoolMetadata;
import se.vittne.capture.wav.WavSpoolFile;

/**
 * The CPU and heap cost of one RTP packet on the capture path, from a received buffer to PCM in the
 * WAV file: the filter's validation, the copy into the event loop's batch, and on the writer's side
 * sequence/jitter accounting, decoding, placing on the timeline, the 20 ms ticks and the 500 ms
 * sequential writes, with calls of three minutes opened and completed as they end. The batch is
 * delivered on the benchmark thread (no thread hop), so one operation is all the CPU a packet costs
 * apart from the kernel's and Netty's read.
 *
 * <p>{@code mvn -pl capture-node -Pjmh -DskipTests verify -Djmh.args="MediaPathBenchmark -prof gc"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MediaPathBenchmark {
  /** Three minutes of a call: two streams of 50 packets a second. */
  private static final int PACKETS_PER_CALL = 2 * 50 * 180;

  private static final long PACKET_NANOS = 20_000_000L;

  /** PCMU; Opus as browsers send it (Hybrid, 48 kHz); Opus as SIP phones send it (SILK WB). */
  @Param({"PCMU", "OPUS", "OPUS_SILK"})
  public String codec;

  private Path spool;
  private RtpMediaEngineConfig config;
  private final ReceiveMetrics metrics = new ReceiveMetrics(new SimpleMeterRegistry());
  private final MediaMetrics mediaMetrics = new MediaMetrics(new SimpleMeterRegistry());
  private final short[] scratch = new short[AudioDecoder.MAX_FRAME_SAMPLES];
  private final ByteBuf[] packets = new ByteBuf[2];
  private final List<List<byte[]>> payloads = new ArrayList<>();
  private final StreamRecorder[] streams = new StreamRecorder[2];
  private PacketBatcher batcher;
  private SessionRecorder session;
  private int rate;
  private int step;
  private int payloadType;
  private long now;
  private long start;
  private int packet;
  private int calls;
  private final java.util.concurrent.ExecutorService completer =
      java.util.concurrent.Executors.newSingleThreadExecutor();

  /** Delivers each full batch at once on this thread, as the writer would on its own. */
  private static final class DirectSink implements BatchSink {
    private final PacketBatch batch = new PacketBatch();

    @Override
    public PacketBatch acquire() {
      return batch;
    }

    @Override
    public void submit(PacketBatch b) {
      b.deliver();
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    spool = Files.createTempDirectory("vittne-bench");
    config = RtpMediaEngineConfig.defaults(InetAddress.getLoopbackAddress(), 30000, 30100, spool);
    batcher = new PacketBatcher(List.of(new DirectSink()));
    boolean opus = codec.startsWith("OPUS");
    rate = opus ? 16000 : 8000;
    step = opus ? 960 : 160;
    payloadType = opus ? 111 : 0;
    for (int s = 0; s < 2; s++) {
      double hz = 700 + 500 * s;
      AudioSource source =
          switch (codec) {
            case "OPUS" -> AudioSource.opus(111, hz, 8000);
            case "OPUS_SILK" -> AudioSource.opusSilk(111, hz, 8000);
            default -> AudioSource.pcmu(hz, 8000);
          };
      List<byte[]> list = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        list.add(source.next());
      }
      payloads.add(list);
      packets[s] = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
    }
    start = 1_000_000_000L;
    now = start;
    openCall();
  }

  private void openCall() throws IOException {
    String id = "bench-" + calls++;
    WavSpoolFile file =
        WavSpoolFile.create(spool, new SpoolMetadata(id, id, Instant.now(), rate, 2));
    session =
        new SessionRecorder(
            new MediaSessionSpec(id, id, 2, false),
            Timing.of(config, rate),
            now,
            Instant.now(),
            file,
            PooledByteBufAllocator.DEFAULT,
            metrics,
            mediaMetrics,
            scratch);
    List<PayloadFormat> formats =
        List.of(
            codec.startsWith("OPUS")
                ? new PayloadFormat(111, "opus", 48000, 2, "")
                : new PayloadFormat(0, "PCMU", 8000, 1, ""));
    streams[0] = session.addStream("a", 0, formats);
    streams[1] = session.addStream("b", 1, formats);
    packet = 0;
  }

  /**
   * Ends the call; completing and removing its file happen on another thread, as completion runs on
   * the signalling thread that asked for it, not on the writer.
   */
  private void finishCall() throws IOException {
    SessionRecorder.Completion written = session.finish(now);
    completer.execute(() -> {
      try {
        Files.delete(written.complete().wavFile());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** One RTP packet through the capture path. */
  @Benchmark
  public void packet() throws IOException {
    int s = packet & 1;
    int n = packet >> 1;
    ByteBuf buf = packets[s];
    byte[] payload = payloads.get(s).get(n % 50);
    buf.clear();
    buf.writeByte(0x80)
        .writeByte(payloadType)
        .writeShort(n)
        .writeInt(n * step)
        .writeInt(0x1000 + s)
        .writeBytes(payload);
    Drop bad = RtpValidator.check(buf);
    if (bad != null) {
      throw new IllegalStateException(bad.tag());
    }
    batcher.add(0, streams[s], buf, now, false);
    if (s == 1) {
      now += PACKET_NANOS;
      batcher.flush();
      session.tick(now);
    }
    if (++packet == PACKETS_PER_CALL) {
      finishCall();
      openCall();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    finishCall();
    completer.shutdown();
    completer.awaitTermination(1, TimeUnit.MINUTES);
    for (ByteBuf b : packets) {
      b.release();
    }
    try (var files = Files.list(spool)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(spool);
  }
}
