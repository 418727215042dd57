package se.vittne.capture.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.Consumer;
import se.vittne.capture.loadgen.sip.SipLocal;
import se.vittne.capture.loadgen.sip.SipMessage;
import se.vittne.capture.loadgen.sip.SipParseException;
import se.vittne.capture.loadgen.sip.SipParser;

/**
 * The generator's SIP connection to its one target: a UDP socket, or one TCP connection framed by
 * Content-Length (RFC 3261 section 18.3). Inbound messages are parsed on the event loop and handed
 * to the consumer; malformed ones are counted and dropped.
 */
final class SipTransport implements AutoCloseable {
  private final Channel channel;
  private final InetSocketAddress target;
  private final SipLocal local;
  private final boolean reliable;
  private final Inbound inbound;

  private SipTransport(
      Channel channel, InetSocketAddress target, boolean reliable, Inbound inbound) {
    this.channel = channel;
    this.target = target;
    this.reliable = reliable;
    this.inbound = inbound;
    InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
    this.local = new SipLocal(reliable ? "TCP" : "UDP", bound.getAddress(), bound.getPort());
  }

  /** Binds (UDP) or connects (TCP) on the loop; blocks until done. */
  static SipTransport open(
      EventLoop loop, Signalling.Siprec sip, InetAddress localAddress, Consumer<SipMessage> sink)
      throws IOException, InterruptedException {
    Inbound inbound = new Inbound(sink);
    Bootstrap bootstrap = new Bootstrap().group(loop);
    InetSocketAddress local = new InetSocketAddress(localAddress, sip.localPort());
    try {
      if (sip.transport() == Signalling.Transport.UDP) {
        Channel channel =
            bootstrap
                .channel(NettyTransport.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(inbound)
                .bind(local)
                .sync()
                .channel();
        return new SipTransport(channel, sip.target(), false, inbound);
      }
      Channel channel =
          bootstrap
              .channel(NettyTransport.socketChannel())
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(inbound)
              .connect(sip.target(), local)
              .sync()
              .channel();
      return new SipTransport(channel, sip.target(), true, inbound);
    } catch (RuntimeException e) {
      throw new IOException(
          "cannot open SIP " + sip.transport() + " towards " + sip.target() + ": " + e.getMessage(),
          e);
    }
  }

  SipLocal local() {
    return local;
  }

  /** Whether the transport is reliable, so requests are not retransmitted (17.1.1.2). */
  boolean reliable() {
    return reliable;
  }

  /** Whether messages can still be sent. */
  boolean open() {
    return channel.isActive();
  }

  /** Messages received that did not parse. */
  long malformed() {
    return inbound.malformed;
  }

  /** Sends one message; call from the event loop. */
  void send(byte[] message) {
    ByteBuf buffer = Unpooled.wrappedBuffer(message);
    Object packet = reliable ? buffer : new DatagramPacket(buffer, target);
    channel.writeAndFlush(packet, channel.voidPromise());
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }

  /** Parses datagrams, or frames a TCP byte stream into messages. */
  private static final class Inbound extends SimpleChannelInboundHandler<Object> {
    private final Consumer<SipMessage> sink;
    private byte[] pending = new byte[0];
    long malformed;

    Inbound(Consumer<SipMessage> sink) {
      this.sink = sink;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof DatagramPacket packet) {
        byte[] bytes = ByteBufUtil.getBytes(packet.content());
        deliver(bytes, 0, bytes.length);
      } else if (msg instanceof ByteBuf stream) {
        byte[] bytes = ByteBufUtil.getBytes(stream);
        frame(bytes);
      }
    }

    private void frame(byte[] received) {
      byte[] data = Arrays.copyOf(pending, pending.length + received.length);
      System.arraycopy(received, 0, data, pending.length, received.length);
      int offset = 0;
      try {
        int length;
        while ((length = SipParser.frameLength(data, offset, data.length - offset)) > 0) {
          if (length > 2) {
            deliver(data, offset, length);
          }
          offset += length;
        }
        pending = Arrays.copyOfRange(data, offset, data.length);
      } catch (SipParseException e) {
        malformed++; // the stream cannot be resynchronised; drop what is buffered
        pending = new byte[0];
      }
    }

    private void deliver(byte[] data, int offset, int length) {
      try {
        sink.accept(SipParser.parse(data, offset, length));
      } catch (SipParseException e) {
        malformed++;
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      malformed++; // an ICMP unreachable on UDP, a reset on TCP: the transactions will time out
    }
  }
}
