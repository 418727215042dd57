package se.vittne.capture.media;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.codec.Codec;
import se.vittne.capture.rtp.PortAllocator;
import se.vittne.capture.rtp.ReceiveMetrics;
import se.vittne.capture.rtp.RtpTransport;
import se.vittne.capture.rtp.StreamGate;
import se.vittne.capture.rtp.StreamPort;
import se.vittne.capture.wav.RecoveredRecording;
import se.vittne.capture.wav.SpoolMetadata;
import se.vittne.capture.wav.SpoolRecovery;
import se.vittne.capture.wav.WavSpoolFile;

/**
 * The capture node's media engine: receives RTP on Netty's epoll transport and writes each
 * recording session as one aligned WAV file in the spool while the call runs.
 *
 * <p>Threads: {@code eventLoopThreads} Netty event loops receive, validate and batch packets; they
 * never block and never touch the disk. {@code writerThreads} writer threads own the sessions (each
 * session belongs to one), decode, align and write. Signalling threads call {@link #open} and the
 * {@link MediaSession} methods, which bind sockets and wait briefly for the writer.
 *
 * <p>Life cycle: construct, {@link #start()} (repairs the spool, returns the recordings a crash
 * left), {@link #open} sessions, {@link #close()}. Thread-safe.
 */
public final class RtpMediaEngine implements MediaEngine, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RtpMediaEngine.class);

  private final RtpMediaEngineConfig config;
  private final ReceiveMetrics receiveMetrics;
  private final MediaMetrics metrics;
  private final PortAllocator ports;
  private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
  private final Set<RtpMediaSession> sessions = ConcurrentHashMap.newKeySet();
  private List<MediaWriter> writers = List.of();
  private RtpTransport transport;
  private List<RecoveredRecording> recovered = List.of();
  private volatile boolean started;
  private volatile boolean closed;

  public RtpMediaEngine(RtpMediaEngineConfig config, MeterRegistry registry) {
    this.config = config;
    this.receiveMetrics = new ReceiveMetrics(registry);
    this.metrics = new MediaMetrics(registry);
    this.ports = new PortAllocator(config.firstPort(), config.lastPort());
  }

  /**
   * Creates the spool directory, repairs what a crash left there, and starts the writer threads and
   * event loops.
   *
   * @return the recovered recordings waiting in the spool, oldest first (also {@link #recovered()})
   */
  public synchronized List<RecoveredRecording> start() throws IOException {
    if (started) {
      return recovered;
    }
    Files.createDirectories(config.spoolDirectory());
    recovered = List.copyOf(SpoolRecovery.recover(config.spoolDirectory()));
    metrics.recovered(recovered.size());
    List<MediaWriter> list = new ArrayList<>();
    for (int i = 0; i < config.writerThreads(); i++) {
      MediaWriter w = new MediaWriter(i, config.handoffBatches(), receiveMetrics);
      w.start();
      list.add(w);
    }
    writers = List.copyOf(list);
    metrics.handoff(writers);
    transport =
        new RtpTransport(
            config.eventLoopThreads(),
            writers,
            receiveMetrics,
            config.batchInterval(),
            config.receiveBufferBytes(),
            config.nativeTransport());
    started = true;
    log.info(
        "media engine started: ports {}-{}, {} event loop(s) on {}, {} writer(s), spool {}",
        config.firstPort(),
        config.lastPort(),
        config.eventLoopThreads(),
        transport.nativeTransport() ? "epoll" : "NIO",
        config.writerThreads(),
        config.spoolDirectory());
    return recovered;
  }

  /** The recordings repaired at {@link #start()}, for the session layer to archive or erase. */
  public List<RecoveredRecording> recovered() {
    return recovered;
  }

  /** The receive chain's counters, for tests and diagnostics. */
  public ReceiveMetrics receiveMetrics() {
    return receiveMetrics;
  }

  /** Whether the native epoll transport is in use. */
  public boolean nativeTransport() {
    return transport != null && transport.nativeTransport();
  }

  @Override
  public boolean supports(PayloadFormat format) {
    return Codec.find(format.encoding(), format.clockRate(), format.payloadType()).isPresent();
  }

  @Override
  public MediaSession open(MediaSessionSpec session, List<StreamSpec> streams)
      throws MediaException {
    if (!started || closed) {
      throw new MediaException(MediaException.Kind.INVALID_REQUEST, "media engine not running");
    }
    boolean wideBand = false;
    for (StreamSpec s : streams) {
      for (PayloadFormat f : accepted(s)) {
        wideBand |= Codec.find(f.encoding(), f.clockRate(), f.payloadType()).get().wideBand();
      }
    }
    int rate = wideBand ? 16000 : 8000;
    long startNanos = System.nanoTime();
    Instant start = Instant.now();
    WavSpoolFile file;
    try {
      file =
          WavSpoolFile.create(
              config.spoolDirectory(),
              new SpoolMetadata(
                  session.sessionId(), session.callId(), start, rate, session.channels()));
    } catch (FileAlreadyExistsException e) {
      throw new MediaException(
          MediaException.Kind.INVALID_REQUEST, "session " + session.sessionId() + " exists", e);
    } catch (IOException e) {
      throw new MediaException(MediaException.Kind.SPOOL_UNAVAILABLE, "cannot write spool", e);
    }
    int index = leastLoadedWriter();
    MediaWriter writer = writers.get(index);
    SessionRecorder recorder =
        new SessionRecorder(
            session,
            Timing.of(config, rate),
            startNanos,
            start,
            file,
            allocator,
            receiveMetrics,
            metrics,
            writer.scratch());
    RtpMediaSession media =
        new RtpMediaSession(this, session, writer, index, recorder, startNanos, start);
    try {
      writer.attach(recorder);
    } catch (Exception e) {
      recorder.discard();
      throw new MediaException(MediaException.Kind.SPOOL_UNAVAILABLE, "media writer failed", e);
    }
    sessions.add(media);
    metrics.sessions.incrementAndGet();
    try {
      for (StreamSpec s : streams) {
        media.addStream(s);
      }
    } catch (MediaException | RuntimeException e) {
      media.discard();
      throw e;
    }
    return media;
  }

  private int leastLoadedWriter() {
    int best = 0;
    for (int i = 1; i < writers.size(); i++) {
      if (writers.get(i).load() < writers.get(best).load()) {
        best = i;
      }
    }
    return best;
  }

  /** The offered formats the engine can handle, in the offer's order; at least one audio. */
  List<PayloadFormat> accepted(StreamSpec stream) throws MediaException {
    List<PayloadFormat> accepted = new ArrayList<>();
    boolean audio = false;
    for (PayloadFormat f : stream.formats()) {
      Optional<Codec> c = Codec.find(f.encoding(), f.clockRate(), f.payloadType());
      if (c.isPresent()) {
        accepted.add(f);
        audio |= c.get().audio();
      }
    }
    if (!audio) {
      throw new MediaException(
          MediaException.Kind.UNSUPPORTED_FORMAT,
          "no supported audio format offered for stream " + stream.label());
    }
    return accepted;
  }

  /** Allocates and binds a stream's port pair. */
  RtpMediaSession.OpenStream bindStream(
      StreamSpec stream,
      StreamGate gate,
      StreamRecorder recorder,
      int writerIndex,
      List<PayloadFormat> accepted)
      throws MediaException {
    List<Integer> failed = new ArrayList<>();
    try {
      for (int attempt = 0; attempt < ports.capacity(); attempt++) {
        int port = ports.allocate();
        if (port < 0) {
          break;
        }
        RtpMediaSession.OpenStream open =
            new RtpMediaSession.OpenStream(stream, port, gate, recorder);
        try {
          open.rtp = bind(port, new StreamPort(gate, recorder, writerIndex, false));
          if (!stream.rtcpMux()) {
            try {
              open.rtcp = bind(port + 1, new StreamPort(gate, recorder, writerIndex, true));
            } catch (IOException e) {
              close(open.rtp);
              open.rtp = null;
              throw e;
            }
          }
        } catch (IOException e) {
          failed.add(port);
          log.debug("port {} unavailable, trying the next", port, e);
          continue;
        }
        metrics.streams.incrementAndGet();
        open.endpoint =
            new LocalEndpoint(
                stream.label(), advertised(port), rtcpAddress(open, stream.rtcpMux()), accepted);
        return open;
      }
    } finally {
      failed.forEach(ports::release);
    }
    throw new MediaException(MediaException.Kind.NO_PORTS, "no free RTP port pair");
  }

  /** Binds or closes the odd RTCP port when rtcp-mux changes. */
  void rebindRtcp(RtpMediaSession.OpenStream open, boolean rtcpMux) throws MediaException {
    if (rtcpMux && open.rtcp != null) {
      close(open.rtcp);
      open.rtcp = null;
    } else if (!rtcpMux && open.rtcp == null) {
      try {
        open.rtcp =
            bind(
                open.port + 1, new StreamPort(open.gate, open.recorder, writerIndexOf(open), true));
      } catch (IOException e) {
        throw new MediaException(MediaException.Kind.NO_PORTS, "RTCP port unavailable", e);
      }
    }
  }

  private int writerIndexOf(RtpMediaSession.OpenStream open) {
    StreamPort port = open.rtp.attr(StreamPort.KEY).get();
    return port.writer();
  }

  InetSocketAddress rtcpAddress(RtpMediaSession.OpenStream open, boolean rtcpMux) {
    return advertised(rtcpMux ? open.port : open.port + 1);
  }

  private InetSocketAddress advertised(int port) {
    return new InetSocketAddress(config.advertisedAddress(), port);
  }

  private Channel bind(int port, StreamPort streamPort) throws IOException {
    Channel ch = transport.bind(new InetSocketAddress(config.bindAddress(), port), streamPort);
    metrics.ports.incrementAndGet();
    return ch;
  }

  private void close(Channel ch) {
    if (ch != null) {
      ch.close().awaitUninterruptibly();
      metrics.ports.decrementAndGet();
    }
  }

  /** Closes a stream's sockets and returns its port pair. Idempotent. */
  void unbind(RtpMediaSession.OpenStream open) {
    synchronized (open) {
      if (open.rtp == null) {
        return;
      }
      close(open.rtp);
      close(open.rtcp);
      open.rtp = null;
      open.rtcp = null;
      ports.release(open.port);
      metrics.streams.decrementAndGet();
    }
  }

  boolean isClosed() {
    return closed;
  }

  void flushEventLoops() {
    if (transport != null) {
      transport.flush();
    }
  }

  void closed(RtpMediaSession session) {
    if (sessions.remove(session)) {
      metrics.sessions.decrementAndGet();
    }
  }

  /**
   * Stops receiving. Sessions still open are not completed: what they received is flushed to their
   * unfinished spool files, which the next {@link #start()} recovers and hands to the session
   * layer, so a shutdown never loses audio nor leaves a recording nobody knows of.
   */
  @Override
  public synchronized void close() {
    if (closed || !started) {
      closed = true;
      return;
    }
    closed = true;
    transport.flush();
    long now = System.nanoTime();
    for (MediaWriter w : writers) {
      w.stop(now);
    }
    transport.close();
    log.info("media engine stopped; {} open session(s) left for recovery", sessions.size());
  }
}
