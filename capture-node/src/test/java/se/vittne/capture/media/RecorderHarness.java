package se.vittne.capture.media;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import se.vittne.capture.codec.AudioDecoder;
import se.vittne.capture.rtp.Drop;
import se.vittne.capture.rtp.ReceiveMetrics;
import se.vittne.capture.rtp.RtpPackets;
import se.vittne.capture.wav.SpoolMetadata;
import se.vittne.capture.wav.WavSpoolFile;

/**
 * Drives a {@link SessionRecorder} on a test clock: packets are delivered at their scripted arrival
 * times and the writer's 20 ms ticks run in between, exactly as the writer thread would, but
 * without waiting.
 */
final class RecorderHarness {
  static final long START = 7_000_000_000L;
  static final long MS = 1_000_000L;

  final ReceiveMetrics metrics = new ReceiveMetrics(new SimpleMeterRegistry());
  final SessionRecorder recorder;
  private final List<Event> events = new ArrayList<>();
  private long now = START;
  private int order;

  private record Event(long arrival, int order, Runnable delivery) {}

  RecorderHarness(Path spool, int channels, int rate, boolean keepDigits) throws IOException {
    this(spool, channels, rate, keepDigits, config(spool));
  }

  RecorderHarness(Path spool, int channels, int rate, boolean keepDigits, RtpMediaEngineConfig c)
      throws IOException {
    MediaSessionSpec spec =
        new MediaSessionSpec("s-" + System.nanoTime(), "call", channels, keepDigits);
    WavSpoolFile file =
        WavSpoolFile.create(
            spool,
            new SpoolMetadata(spec.sessionId(), spec.callId(), Instant.now(), rate, channels));
    recorder =
        new SessionRecorder(
            spec,
            Timing.of(c, rate),
            START,
            Instant.now(),
            file,
            PooledByteBufAllocator.DEFAULT,
            metrics,
            new MediaMetrics(new SimpleMeterRegistry()),
            new short[AudioDecoder.MAX_FRAME_SAMPLES]);
  }

  static RtpMediaEngineConfig config(Path spool) {
    return RtpMediaEngineConfig.defaults(InetAddress.getLoopbackAddress(), 30000, 30100, spool);
  }

  StreamRecorder stream(String label, int channel, List<PayloadFormat> formats) {
    return recorder.addStream(label, channel, formats);
  }

  /** Schedules an RTP or RTCP packet to arrive {@code atMillis} after the session start. */
  void at(double atMillis, StreamRecorder stream, byte[] packet) {
    long arrival = START + Math.round(atMillis * MS);
    boolean rtcp = (packet[1] & 0xFF) >= 192 && (packet[1] & 0xFF) <= 223;
    events.add(
        new Event(
            arrival,
            order++,
            () -> {
              if (rtcp) {
                stream.rtcp(packet, 0, packet.length, arrival);
              } else {
                stream.rtp(packet, 0, packet.length, arrival);
              }
            }));
  }

  /** Schedules something to happen (a hold, a resume) at a time. */
  void atTime(double atMillis, Runnable action) {
    events.add(new Event(START + Math.round(atMillis * MS), order++, action));
  }

  /**
   * Schedules a leg: {@code count} packets of {@code source} every 20 ms from {@code fromMillis},
   * sequence numbers from {@code seq}, timestamps from {@code ts}.
   */
  void leg(
      StreamRecorder stream,
      AudioSource source,
      long ssrc,
      int seq,
      long ts,
      double fromMillis,
      int count) {
    for (int i = 0; i < count; i++) {
      byte[] p =
          RtpPackets.rtp(
              source.payloadType(),
              i == 0,
              (seq + i) & 0xFFFF,
              (ts + (long) i * source.timestampStep()) & 0xFFFFFFFFL,
              ssrc,
              source.next());
      at(fromMillis + 20.0 * i, stream, p);
    }
  }

  /** Plays everything scheduled, in arrival order, then finishes the session. */
  MediaResult finishAt(double endMillis) throws IOException {
    return finishAt(endMillis, endMillis);
  }

  /**
   * Plays everything scheduled, then finishes the session as ending at {@code endMillis} although
   * the writer's ticks went on until {@code handledMillis} (a BYE handled late).
   */
  MediaResult finishAt(double endMillis, double handledMillis) throws IOException {
    events.sort(Comparator.comparingLong(Event::arrival).thenComparingInt(Event::order));
    for (Event e : events) {
      advanceTo(e.arrival());
      e.delivery().run();
    }
    long end = START + Math.round(endMillis * MS);
    advanceTo(START + Math.round(handledMillis * MS));
    return recorder.finish(end).complete();
  }

  private void advanceTo(long t) {
    while (now + Timing.TICK_NANOS <= t) {
      now += Timing.TICK_NANOS;
      recorder.tick(now);
    }
  }

  long dropped(Drop reason) {
    return metrics.dropped(reason);
  }
}
