package se.vittne.capture.sip.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaEngine;
import se.vittne.capture.media.MediaException;
import se.vittne.capture.media.MediaResult;
import se.vittne.capture.media.MediaSession;
import se.vittne.capture.media.MediaSessionSpec;
import se.vittne.capture.media.PayloadFormat;
import se.vittne.capture.media.StreamSpec;

/**
 * A test-only media engine that really receives: each stream gets a bound UDP socket (RTP, and RTCP
 * on the next socket unless rtcp-mux) whose packets are counted by a reader thread. It writes no
 * audio; the RTP engine replaces it in the session layer. It exists so that signalling tests answer
 * with ports that are really open.
 */
public final class UdpSinkMediaEngine implements MediaEngine {
  private static final Set<String> FORMATS =
      Set.of("pcmu", "pcma", "g722", "opus", "telephone-event", "cn");

  private final InetAddress address;

  public UdpSinkMediaEngine(InetAddress address) {
    this.address = address;
  }

  @Override
  public boolean supports(PayloadFormat format) {
    return FORMATS.contains(format.encoding().toLowerCase(Locale.ROOT));
  }

  @Override
  public Sink open(MediaSessionSpec session, List<StreamSpec> streams) throws MediaException {
    Sink sink = new Sink(session);
    try {
      for (StreamSpec stream : streams) {
        sink.addStream(stream);
      }
    } catch (MediaException e) {
      sink.discard();
      throw e;
    }
    return sink;
  }

  /** The media of one session: sockets per stream and their packet counts. */
  public final class Sink implements MediaSession {
    private final MediaSessionSpec spec;
    private final Instant opened = Instant.now();
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    private final AtomicLong lastActivity = new AtomicLong(System.currentTimeMillis());
    private final AtomicBoolean closed = new AtomicBoolean();

    Sink(MediaSessionSpec spec) {
      this.spec = spec;
    }

    @Override
    public MediaSessionSpec spec() {
      return spec;
    }

    @Override
    public synchronized List<LocalEndpoint> endpoints() {
      return streams.values().stream().map(s -> s.endpoint).toList();
    }

    @Override
    public Instant lastActivity() {
      return Instant.ofEpochMilli(lastActivity.get());
    }

    @Override
    public synchronized LocalEndpoint addStream(StreamSpec stream) throws MediaException {
      List<PayloadFormat> accepted =
          stream.formats().stream().filter(UdpSinkMediaEngine.this::supports).toList();
      if (accepted.stream()
          .allMatch(f ->
              f.encoding().equalsIgnoreCase("telephone-event")
                  || f.encoding().equalsIgnoreCase("CN"))) {
        throw new MediaException(
            MediaException.Kind.UNSUPPORTED_FORMAT, "no audio format among " + stream.formats());
      }
      try {
        Stream opened = new Stream(stream, accepted);
        streams.put(stream.label(), opened);
        return opened.endpoint;
      } catch (IOException e) {
        throw new MediaException(MediaException.Kind.NO_PORTS, "cannot bind: " + e, e);
      }
    }

    @Override
    public synchronized void updateStream(StreamSpec stream) throws MediaException {
      Stream existing = streams.get(stream.label());
      if (existing == null) {
        throw new MediaException(
            MediaException.Kind.INVALID_REQUEST, "no stream " + stream.label());
      }
      existing.spec = stream;
    }

    @Override
    public synchronized void removeStream(String label) {
      Stream removed = streams.remove(label);
      if (removed != null) {
        removed.close();
      }
    }

    /** The packets received on a stream's RTP socket so far. */
    public synchronized long packets(String label) {
      Stream stream = streams.get(label);
      return stream == null ? 0 : stream.packets.get();
    }

    /** The current spec of a stream, as last offered or updated. */
    public synchronized StreamSpec stream(String label) {
      return streams.get(label).spec;
    }

    public boolean closed() {
      return closed.get();
    }

    @Override
    public synchronized MediaResult finish() {
      close();
      return new MediaResult(
          Path.of("/dev/null"),
          opened,
          Duration.between(opened, Instant.now()),
          2,
          8000,
          List.of(),
          List.of(),
          List.of());
    }

    @Override
    public synchronized void discard() {
      close();
    }

    private void close() {
      if (closed.compareAndSet(false, true)) {
        streams.values().forEach(Stream::close);
      }
    }

    /** One stream's sockets and reader threads. */
    private final class Stream {
      private volatile StreamSpec spec;
      private final LocalEndpoint endpoint;
      private final List<DatagramChannel> channels = new ArrayList<>();
      private final AtomicLong packets = new AtomicLong();

      Stream(StreamSpec spec, List<PayloadFormat> accepted) throws IOException {
        this.spec = spec;
        DatagramChannel rtp = bind();
        InetSocketAddress rtpAddress = (InetSocketAddress) rtp.getLocalAddress();
        InetSocketAddress rtcpAddress = rtpAddress;
        if (!spec.rtcpMux()) {
          DatagramChannel rtcp = bind();
          rtcpAddress = (InetSocketAddress) rtcp.getLocalAddress();
          read(rtcp, null);
        }
        read(rtp, packets);
        endpoint = new LocalEndpoint(spec.label(), rtpAddress, rtcpAddress, accepted);
      }

      private DatagramChannel bind() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
        channel.bind(new InetSocketAddress(address, 0));
        channels.add(channel);
        return channel;
      }

      private void read(DatagramChannel channel, AtomicLong counter) {
        Thread.ofVirtual()
            .name("udp-sink-" + spec.label())
            .start(() -> {
              ByteBuffer buffer = ByteBuffer.allocate(2048);
              while (channel.isOpen()) {
                try {
                  buffer.clear();
                  channel.receive(buffer);
                  lastActivity.set(System.currentTimeMillis());
                  if (counter != null) {
                    counter.incrementAndGet();
                  }
                } catch (IOException e) {
                  return;
                }
              }
            });
      }

      void close() {
        for (DatagramChannel channel : channels) {
          try {
            channel.close();
          } catch (IOException e) {
            // Closing a datagram channel does not fail in a way that matters here.
          }
        }
      }
    }
  }
}
