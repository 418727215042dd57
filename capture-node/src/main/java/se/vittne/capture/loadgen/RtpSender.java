package se.vittne.capture.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import se.vittne.capture.loadgen.rtp.PacketSink;

/**
 * Sends RTP from a pool of UDP sockets bound on one event loop: packets of a tick are written to
 * their socket's outbound buffer and each socket is flushed once per tick, so Netty's epoll
 * transport hands them to the kernel in {@code sendmmsg} batches. Anything received on these
 * sockets (RTCP, ICMP-triggered errors) is dropped.
 *
 * <p>Not thread-safe: every call comes from the event loop the sockets are registered with.
 */
final class RtpSender implements PacketSink, AutoCloseable {
  /** Large enough for a tick of thousands of streams before the flush. */
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(32 << 20, 64 << 20);

  private final List<Channel> channels;
  private final boolean[] written;
  private final DropCounter drops;
  private long dropped;

  private RtpSender(List<Channel> channels, DropCounter drops) {
    this.channels = List.copyOf(channels);
    this.drops = drops;
    this.written = new boolean[channels.size()];
  }

  /**
   * Binds one socket per port of the range (one OS-chosen port for {@link PortRange#EPHEMERAL}).
   */
  static RtpSender bind(EventLoop loop, InetAddress local, PortRange ports)
      throws InterruptedException {
    DropCounter drops = new DropCounter();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NettyTransport.datagramChannel())
            .option(ChannelOption.SO_SNDBUF, 4 << 20)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .handler(drops);
    List<Channel> channels = new ArrayList<>();
    try {
      for (int port : ports.ports()) {
        channels.add(bootstrap.bind(new InetSocketAddress(local, port)).sync().channel());
      }
    } catch (RuntimeException | InterruptedException e) {
      channels.forEach(Channel::close);
      throw e;
    }
    return new RtpSender(channels, drops);
  }

  /** How many sockets send. */
  int sockets() {
    return channels.size();
  }

  /** The local port of socket {@code index}. */
  int localPort(int index) {
    return ((InetSocketAddress) channels.get(index).localAddress()).getPort();
  }

  @Override
  public ByteBuf allocate(int size) {
    return PooledByteBufAllocator.DEFAULT.directBuffer(size, size);
  }

  @Override
  public void send(ByteBuf packet, InetSocketAddress recipient, int socketIndex) {
    int index = socketIndex % channels.size();
    Channel channel = channels.get(index);
    if (!channel.isActive() || !channel.isWritable()) {
      dropped++;
      packet.release();
      return;
    }
    channel.write(new DatagramPacket(packet, recipient), channel.voidPromise());
    written[index] = true;
  }

  @Override
  public void flush() {
    for (int i = 0; i < written.length; i++) {
      if (written[i]) {
        written[i] = false;
        channels.get(i).flush();
      }
    }
  }

  /** Packets not sent: refused for a full buffer, or failed in the kernel. */
  long dropped() {
    return dropped + drops.errors;
  }

  @Override
  public void close() {
    channels.forEach(Channel::close);
  }

  /** Drops inbound datagrams and counts failed sends (reported here under a void promise). */
  @ChannelHandler.Sharable
  private static final class DropCounter extends ChannelInboundHandlerAdapter {
    long errors;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      errors++;
    }
  }
}
