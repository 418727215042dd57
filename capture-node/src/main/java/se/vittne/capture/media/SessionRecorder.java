package se.vittne.capture.media;

import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.vittne.capture.codec.AudioDecoder;
import se.vittne.capture.rtp.ReceiveMetrics;
import se.vittne.capture.wav.WavSpoolFile;

/**
 * The writer side of one recording session: its timeline from the session start, its streams, its
 * WAV file. Time comes in from outside (arrival times of packets, {@link #tick} and {@link #finish}
 * with the current time), so the whole alignment logic runs the same under a test clock.
 *
 * <p>{@link #tick} makes the frames older than the jitter window final and writes them once a flush
 * interval of them has gathered; {@link #finish} pads every channel to the session's end, writes
 * the rest and completes the file. Used by its writer thread only.
 */
final class SessionRecorder {
  /** The most DTMF events kept per session. */
  static final int MAX_DTMF = 10_000;

  private final MediaSessionSpec spec;
  private final Timing timing;
  private final long startNanos;
  private final Instant start;
  private final WavSpoolFile file;
  private final PcmTimeline timeline;
  private final ReceiveMetrics metrics;
  private final MediaMetrics mediaMetrics;
  private final short[] scratch;
  private final List<StreamRecorder> streams = new ArrayList<>();
  private final List<DtmfEvent> dtmf = new ArrayList<>();
  private final Set<String> codecs = new LinkedHashSet<>();
  private long senderClockOffset = Long.MIN_VALUE;
  private boolean finished;
  private IOException failure;

  SessionRecorder(
      MediaSessionSpec spec,
      Timing timing,
      long startNanos,
      Instant start,
      WavSpoolFile file,
      ByteBufAllocator allocator,
      ReceiveMetrics metrics,
      MediaMetrics mediaMetrics,
      short[] scratch) {
    this.spec = spec;
    this.timing = timing;
    this.startNanos = startNanos;
    this.start = start;
    this.file = file;
    this.metrics = metrics;
    this.mediaMetrics = mediaMetrics;
    this.scratch = scratch;
    this.timeline = new PcmTimeline(file, spec.channels(), timing.ringFrames(), allocator);
  }

  StreamRecorder addStream(String label, int channel, List<PayloadFormat> formats) {
    StreamRecorder s = new StreamRecorder(this, label, spec.channels() == 1 ? 0 : channel);
    s.formats(formats);
    streams.add(s);
    return s;
  }

  /** Forgets a stream that never received (its ports could not be bound). */
  void dropStream(StreamRecorder stream) {
    streams.remove(stream);
  }

  /** The frame of the session timeline at a {@link System#nanoTime()} instant. */
  long frameAt(long nanos) {
    return Math.floorDiv((nanos - startNanos) * timing.rate(), 1_000_000_000L);
  }

  /**
   * Makes final the frames older than the jitter window and writes them once a flush interval has
   * gathered.
   */
  void tick(long nowNanos) {
    if (finished || failure != null) {
      return;
    }
    long horizon = frameAt(nowNanos) - timing.windowFrames();
    for (StreamRecorder s : streams) {
      s.beforeCommit(horizon + timing.tickFrames());
    }
    if (horizon - timeline.committed() >= timing.flushFrames()) {
      try {
        timeline.commit(horizon);
      } catch (IOException e) {
        failure = e;
        mediaMetrics.spoolFailure();
      }
    }
  }

  /**
   * Ends the recording at {@code endNanos}: held packets are decoded, every channel is padded to
   * the end and written. Completing the file (header, flush to disk, rename) is left to the
   * returned {@link Completion}, on the caller's thread, so that the writer never waits for the
   * disk while its other sessions' packets queue up.
   */
  Completion finish(long endNanos) throws IOException {
    if (failure != null) {
      discard();
      throw failure;
    }
    for (StreamRecorder s : streams) {
      s.remove();
    }
    finished = true;
    long requested = Math.max(0, frameAt(endNanos));
    long end = Math.max(requested, timeline.committed());
    try {
      timeline.commit(end);
      if (requested < end) {
        // the end (a BYE's arrival) was handled after later audio had been written: cut it off,
        // so that the file is as long as the call, not as long as the BYE took to be handled
        file.truncate(requested);
        end = requested;
      }
    } catch (IOException e) {
      discard();
      throw e;
    } finally {
      timeline.close();
    }
    return new Completion(
        file,
        start,
        Duration.ofNanos(end * 1_000_000_000L / timing.rate()),
        spec.channels(),
        timing.rate(),
        List.copyOf(codecs),
        quality(end),
        List.copyOf(dtmf));
  }

  /** A recording whose audio is all in its file, waiting for the file to be completed. */
  record Completion(
      WavSpoolFile file,
      Instant start,
      Duration duration,
      int channels,
      int sampleRate,
      List<String> codecs,
      List<ChannelQuality> quality,
      List<DtmfEvent> dtmf) {

    /** Writes the header, flushes the file to disk and gives it its final name. */
    MediaResult complete() throws IOException {
      Path wav = file.complete();
      return new MediaResult(wav, start, duration, channels, sampleRate, codecs, quality, dtmf);
    }
  }

  /** Stops and erases the recording. */
  void discard() {
    finished = true;
    timeline.close();
    try {
      file.discard();
    } catch (IOException e) {
      mediaMetrics.spoolFailure();
    }
  }

  /** Flushes what has been received so far to the unfinished file, as at shutdown. */
  void abandon(long nowNanos) {
    if (finished) {
      return;
    }
    finished = true;
    try {
      timeline.commit(Math.max(timeline.committed(), frameAt(nowNanos)));
      file.close();
    } catch (IOException e) {
      mediaMetrics.spoolFailure();
    } finally {
      timeline.close();
    }
  }

  private List<ChannelQuality> quality(long frames) {
    List<ChannelQuality> result = new ArrayList<>();
    for (int c = 0; c < spec.channels(); c++) {
      StreamRecorder.QualityFigures q = new StreamRecorder.QualityFigures();
      for (StreamRecorder s : streams) {
        if (s.channel == c) {
          s.addTo(q);
        }
      }
      double silence =
          frames == 0 ? 1.0 : 1.0 - Math.min(1.0, timeline.receivedSamples(c) / (double) frames);
      result.add(
          new ChannelQuality(
              c,
              q.packets,
              q.lost,
              q.late,
              q.duplicates,
              q.jitterCount == 0 ? 0 : q.jitterSum / q.jitterCount,
              silence));
    }
    return result;
  }

  /**
   * The offset (local arrival minus sender wallclock) to place audio by RTCP sender reports: the
   * smallest any stream of the session has seen, when this stream's own agrees with it within a
   * second (the senders share a clock, as the streams of one SIPREC client do); otherwise the
   * stream's own.
   */
  long senderClockOffset(long streamOffset) {
    if (senderClockOffset == Long.MIN_VALUE
        || Math.abs(streamOffset - senderClockOffset) < 1_000_000_000L) {
      senderClockOffset =
          senderClockOffset == Long.MIN_VALUE
              ? streamOffset
              : Math.min(senderClockOffset, streamOffset);
      return senderClockOffset;
    }
    return streamOffset;
  }

  /** Whether a stream is the only one of the session writing its channel. */
  boolean exclusive(StreamRecorder stream) {
    for (StreamRecorder s : streams) {
      if (s != stream && s.channel == stream.channel && !s.isRemoved()) {
        return false;
      }
    }
    return true;
  }

  void noteCodec(String encoding) {
    codecs.add(encoding);
  }

  void dtmf(DtmfEvent event) {
    if (dtmf.size() < MAX_DTMF) {
      dtmf.add(event);
    }
  }

  void decodeError(AudioDecoder decoder) {
    metrics.drop(se.vittne.capture.rtp.Drop.DECODE_ERROR);
    mediaMetrics.decodeError();
  }

  boolean isFinished() {
    return finished;
  }

  MediaSessionSpec spec() {
    return spec;
  }

  int rate() {
    return timing.rate();
  }

  Timing timing() {
    return timing;
  }

  PcmTimeline timeline() {
    return timeline;
  }

  ReceiveMetrics metrics() {
    return metrics;
  }

  short[] scratch() {
    return scratch;
  }
}
