package se.vittne.capture.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The physical limit to compare the capture node with: binds a range of UDP ports on one event-loop
 * thread of the same Netty epoll transport and only counts the datagrams and bytes it receives.
 * Nothing is parsed or kept. With {@code batch > 1} it reads with {@code recvmmsg}, up to that many
 * datagrams per system call.
 */
public final class BareRtpSink implements AutoCloseable {
  private static final int MAX_DATAGRAM = 1500;

  private final EventLoopGroup group;
  private final EventLoop loop;
  private final List<Channel> channels = new ArrayList<>();
  private final Counter counter = new Counter();
  private final long startNanos;
  private final long processCpuStart;
  private long loopThreadId;
  private long loopCpuStart;

  /** What the sink received, and what it cost. */
  public record Counts(long packets, long bytes, int ports, CpuUsage cpu) {}

  private BareRtpSink(InetAddress address, PortRange ports, int batch) throws InterruptedException {
    group = NettyTransport.group(1, "vittne-rtp-sink");
    loop = group.next();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NettyTransport.datagramChannel())
            .option(ChannelOption.SO_RCVBUF, 1 << 20)
            .option(
                ChannelOption.RCVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(MAX_DATAGRAM * Math.max(1, batch)))
            .handler(counter);
    if (batch > 1 && NettyTransport.epoll()) {
      bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM);
    }
    try {
      for (int port : ports.ports()) {
        channels.add(bootstrap.bind(new InetSocketAddress(address, port)).sync().channel());
      }
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
    startNanos = System.nanoTime();
    processCpuStart = CpuUsage.processCpuNanos();
    loop.submit(
            () -> {
              loopThreadId = Thread.currentThread().threadId();
              loopCpuStart = CpuUsage.threadCpuNanos(loopThreadId);
            })
        .sync();
  }

  /**
   * Binds every port of the range on the address.
   *
   * @param batch datagrams per read system call: 1 for {@code recvmsg}, more for {@code recvmmsg}
   */
  public static BareRtpSink bind(InetAddress address, PortRange ports, int batch)
      throws InterruptedException {
    return new BareRtpSink(address, ports, batch);
  }

  /** The bound local ports, in range order. */
  public List<Integer> ports() {
    return channels.stream().map(c -> ((InetSocketAddress) c.localAddress()).getPort()).toList();
  }

  /** The counts so far, read on the event loop so that they are consistent. */
  public Counts counts() throws InterruptedException {
    try {
      return loop.submit(this::countsOnLoop).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private Counts countsOnLoop() {
    long wall = System.nanoTime() - startNanos;
    long process = CpuUsage.processCpuNanos();
    long thread = CpuUsage.threadCpuNanos(loopThreadId);
    CpuUsage cpu =
        new CpuUsage(
            Duration.ofNanos(wall),
            Duration.ofNanos(process < 0 ? -1 : process - processCpuStart),
            Duration.ofNanos(thread < 0 ? -1 : thread - loopCpuStart));
    return new Counts(counter.packets, counter.bytes, channels.size(), cpu);
  }

  @Override
  public void close() {
    channels.forEach(Channel::close);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Counts and releases; every channel shares it, on the one loop thread. */
  @ChannelHandler.Sharable
  private static final class Counter extends ChannelInboundHandlerAdapter {
    long packets;
    long bytes;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket packet = (DatagramPacket) msg;
      packets++;
      bytes += packet.content().readableBytes();
      packet.release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // an unreachable error from the sender's side cannot happen on a receive-only socket
    }
  }
}
