package se.vittne.capture.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of the media engine: a few event-loop threads on Netty's native epoll transport (NIO
 * where epoll is unavailable), one channel per bound port, every channel with the same pipeline
 * ({@code rtp-filter} then {@code stream-router}), and one {@link PacketBatcher} per event loop
 * flushed by a timer on that loop.
 */
public final class RtpTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RtpTransport.class);

  /** Large enough for any RTP audio packet; a larger datagram is truncated by the read. */
  private static final int DATAGRAM_BUFFER = 2048;

  /**
   * Datagrams one read system call takes from a socket on epoll ({@code recvmmsg}): a socket whose
   * loop fell behind is emptied in a few calls instead of one per packet.
   */
  private static final int READ_BATCH = 16;

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final Map<EventExecutor, PacketBatcher> batchers = new IdentityHashMap<>();
  private final boolean epoll;

  /**
   * Starts the event loops.
   *
   * @param threads event-loop threads
   * @param sinks the hand-off of each writer thread, by writer index
   * @param batchInterval how often each loop hands its partial batches over
   * @param receiveBufferBytes SO_RCVBUF per socket, 0 for the system default
   * @param preferEpoll use epoll where available
   */
  public RtpTransport(
      int threads,
      List<? extends BatchSink> sinks,
      ReceiveMetrics metrics,
      Duration batchInterval,
      int receiveBufferBytes,
      boolean preferEpoll) {
    disableLeakDetectionUnlessAsked();
    this.epoll = preferEpoll && Epoll.isAvailable();
    if (preferEpoll && !epoll) {
      log.warn("epoll unavailable, RTP falls back to NIO", Epoll.unavailabilityCause());
    }
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group =
        new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("vittne-rtp", true), io);
    long intervalNanos = batchInterval.toNanos();
    for (EventExecutor loop : group) {
      PacketBatcher batcher = new PacketBatcher(sinks);
      batchers.put(loop, batcher);
      loop.scheduleAtFixedRate(batcher::flush, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }
    RtpPacketFilter filter = new RtpPacketFilter(metrics);
    RtpStreamRouter router = new RtpStreamRouter(metrics);
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
            .option(
                ChannelOption.RCVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(DATAGRAM_BUFFER * (epoll ? READ_BATCH : 1)))
            // each datagram's buffer is taken and released on the same event loop: the pooled
            // allocator's thread cache serves that with no search (the adaptive default took a
            // sixth of the event loop's time in the capacity profile)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .handler(
                new ChannelInitializer<DatagramChannel>() {
                  @Override
                  protected void initChannel(DatagramChannel ch) {
                    ch.pipeline().addLast("rtp-filter", filter).addLast("stream-router", router);
                  }
                });
    if (epoll) {
      // each datagram of a read becomes a slice of the read's buffer
      bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_BUFFER);
    }
    if (receiveBufferBytes > 0) {
      bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferBytes);
    }
  }

  /**
   * Netty's leak detector samples one buffer in 128 by default and records a stack trace for each
   * (about 800 a second at 1,000 calls: the most frequent event of a profile of the node). The
   * receive path releases every buffer on every path, which the tests check with {@code
   * -Dio.netty.leakDetection.level=paranoid}; a node that is not told a level runs without it.
   */
  static void disableLeakDetectionUnlessAsked() {
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /** Whether the native epoll transport is in use. */
  public boolean nativeTransport() {
    return epoll;
  }

  /**
   * Binds a port for a stream. Waits for the bind (on the caller's thread, never an event loop).
   *
   * @throws IOException when the port cannot be bound (in use, not permitted)
   */
  public Channel bind(InetSocketAddress address, StreamPort port) throws IOException {
    ChannelFuture registered = bootstrap.register().awaitUninterruptibly();
    if (!registered.isSuccess()) {
      throw new IOException("cannot register a UDP channel", registered.cause());
    }
    Channel channel = registered.channel();
    port.batcher = batchers.get(channel.eventLoop());
    channel.attr(StreamPort.KEY).set(port);
    ChannelFuture bound = channel.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      channel.close();
      throw new IOException("cannot bind " + address, bound.cause());
    }
    return channel;
  }

  /**
   * Makes every event loop hand over its partial batches now, and waits until they have: packets
   * received before this call are then in the writers' queues.
   */
  public void flush() {
    List<Future<?>> done = new ArrayList<>();
    for (Map.Entry<EventExecutor, PacketBatcher> e : batchers.entrySet()) {
      done.add(e.getKey().submit(e.getValue()::flush));
    }
    for (Future<?> f : done) {
      f.awaitUninterruptibly();
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
