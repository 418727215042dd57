package se.vittne.capture.media;

import io.netty.channel.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vittne.capture.rtp.StreamGate;

/**
 * The signalling side of one recording session: its ports and channels, and the commands that go to
 * its writer thread. Methods are called one at a time per session (the {@link MediaSession}
 * contract); they bind and close local sockets and wait for the writer, but never for the network.
 */
final class RtpMediaSession implements MediaSession {

  /** One stream's ports and both ends of its state. */
  static final class OpenStream {
    StreamSpec spec;
    LocalEndpoint endpoint;
    final int port;
    final StreamGate gate;
    final StreamRecorder recorder;
    Channel rtp;
    Channel rtcp;

    OpenStream(StreamSpec spec, int port, StreamGate gate, StreamRecorder recorder) {
      this.spec = spec;
      this.port = port;
      this.gate = gate;
      this.recorder = recorder;
    }
  }

  private final RtpMediaEngine engine;
  private final MediaSessionSpec spec;
  private final MediaWriter writer;
  private final int writerIndex;
  private final SessionRecorder recorder;
  private final StreamGate.Activity activity;
  private final long startNanos;
  private final Instant start;
  private final Map<String, OpenStream> streams = new LinkedHashMap<>();
  private MediaResult result;
  private boolean discarded;

  RtpMediaSession(
      RtpMediaEngine engine,
      MediaSessionSpec spec,
      MediaWriter writer,
      int writerIndex,
      SessionRecorder recorder,
      long startNanos,
      Instant start) {
    this.engine = engine;
    this.spec = spec;
    this.writer = writer;
    this.writerIndex = writerIndex;
    this.recorder = recorder;
    this.startNanos = startNanos;
    this.start = start;
    this.activity = new StreamGate.Activity(startNanos);
  }

  @Override
  public MediaSessionSpec spec() {
    return spec;
  }

  @Override
  public synchronized List<LocalEndpoint> endpoints() {
    List<LocalEndpoint> list = new ArrayList<>();
    for (OpenStream s : streams.values()) {
      list.add(s.endpoint);
    }
    return list;
  }

  @Override
  public Instant lastActivity() {
    return start.plusNanos(activity.lastNanos() - startNanos);
  }

  @Override
  public synchronized LocalEndpoint addStream(StreamSpec stream) throws MediaException {
    requireOpen();
    if (streams.containsKey(stream.label())) {
      throw new MediaException(
          MediaException.Kind.INVALID_REQUEST, "stream " + stream.label() + " exists already");
    }
    List<PayloadFormat> accepted = engine.accepted(stream);
    StreamRecorder streamRecorder;
    try {
      streamRecorder =
          writer.call(() -> recorder.addStream(stream.label(), stream.channel(), accepted));
    } catch (Exception e) {
      throw new MediaException(MediaException.Kind.INVALID_REQUEST, "writer refused stream", e);
    }
    StreamGate gate = new StreamGate(activity);
    gate.paused(!stream.direction().sending());
    if (!stream.direction().sending()) {
      runOnWriter(() -> streamRecorder.paused(true));
    }
    OpenStream open;
    try {
      open = engine.bindStream(stream, gate, streamRecorder, writerIndex, accepted);
    } catch (MediaException e) {
      runOnWriter(() -> recorder.dropStream(streamRecorder));
      throw e;
    }
    streams.put(stream.label(), open);
    return open.endpoint;
  }

  @Override
  public synchronized void updateStream(StreamSpec stream) throws MediaException {
    requireOpen();
    OpenStream open = streams.get(stream.label());
    if (open == null || open.gate.closed()) {
      throw new MediaException(
          MediaException.Kind.INVALID_REQUEST, "no stream " + stream.label() + " to update");
    }
    List<PayloadFormat> accepted = engine.accepted(stream);
    boolean sending = stream.direction().sending();
    // stop taking packets at once on hold; resume only after the writer knows
    if (!sending) {
      open.gate.paused(true);
    }
    runOnWriter(() -> {
      open.recorder.formats(accepted);
      open.recorder.paused(!sending);
    });
    if (sending) {
      open.gate.paused(false);
    }
    engine.rebindRtcp(open, stream.rtcpMux());
    open.spec = stream;
    open.endpoint =
        new LocalEndpoint(
            stream.label(),
            open.endpoint.rtp(),
            engine.rtcpAddress(open, stream.rtcpMux()),
            accepted);
  }

  @Override
  public synchronized void removeStream(String label) {
    OpenStream open = streams.get(label);
    if (open == null || open.gate.closed() || result != null || discarded) {
      return;
    }
    open.gate.close();
    engine.unbind(open);
    try {
      runOnWriter(open.recorder::remove);
    } catch (MediaException e) {
      // the writer is gone (engine closing); the stream is closed regardless
    }
  }

  @Override
  public MediaResult finish() throws MediaException {
    return finish(System.nanoTime());
  }

  @Override
  public synchronized MediaResult finish(long endNanos) throws MediaException {
    if (result != null) {
      return result;
    }
    requireOpen();
    long end = Math.min(endNanos, System.nanoTime());
    stopReceiving();
    try {
      SessionRecorder.Completion written =
          writer.call(() -> {
            try {
              return recorder.finish(end);
            } finally {
              writer.detach(recorder);
            }
          });
      // the header, fsync and rename on this (signalling) thread: the writer does not wait
      result = written.complete();
      return result;
    } catch (Exception e) {
      throw new MediaException(
          MediaException.Kind.SPOOL_UNAVAILABLE, "cannot complete the recording: " + e, e);
    } finally {
      engine.closed(this);
    }
  }

  @Override
  public synchronized void discard() {
    if (discarded || result != null) {
      return;
    }
    discarded = true;
    if (engine.isClosed()) {
      // the writer is gone and left the file for recovery: erase it here
      recorder.discard();
      engine.closed(this);
      return;
    }
    stopReceiving();
    try {
      writer.call(() -> {
        recorder.discard();
        writer.detach(recorder);
        return null;
      });
    } catch (Exception e) {
      // the writer is gone; its shutdown left the file for recovery
    } finally {
      engine.closed(this);
    }
  }

  /**
   * Closes every port and makes sure the packets already received reach the writer first: a first
   * round on the event loops reads what waits in the sockets (a loop serves its ready sockets
   * before its tasks), so the last packets, sent just before the BYE, are not dropped as late
   * comers; then the gates close and a second round hands the batches over.
   */
  private void stopReceiving() {
    engine.flushEventLoops();
    for (OpenStream s : streams.values()) {
      s.gate.close();
    }
    engine.flushEventLoops();
    for (OpenStream s : streams.values()) {
      engine.unbind(s);
    }
  }

  private void requireOpen() throws MediaException {
    if (result != null || discarded) {
      throw new MediaException(MediaException.Kind.INVALID_REQUEST, "session is over");
    }
    if (engine.isClosed()) {
      throw new MediaException(
          MediaException.Kind.INVALID_REQUEST,
          "media engine stopped; the recording is left in the spool for recovery");
    }
  }

  private void runOnWriter(Runnable command) throws MediaException {
    try {
      writer.call(() -> {
        command.run();
        return null;
      });
    } catch (Exception e) {
      throw new MediaException(MediaException.Kind.INVALID_REQUEST, "media writer failed", e);
    }
  }
}
