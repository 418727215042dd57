package se.vittne.capture.rtp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * The last stage on the event loop: finds the port's stream ({@link StreamPort#KEY}), drops and
 * counts packets of streams that are closed or paused and RTP arriving on an RTCP-only port, and
 * copies the rest into the loop's batch for the stream's writer. Stateless and shared.
 *
 * <p>Buffer ownership: this is the last consumer of every datagram it gets; it releases each one,
 * taken or dropped, before returning.
 */
@ChannelHandler.Sharable
public final class RtpStreamRouter extends ChannelInboundHandlerAdapter {
  private final ReceiveMetrics metrics;

  public RtpStreamRouter(ReceiveMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DatagramPacket packet)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      Drop reason = route(ctx.channel().attr(StreamPort.KEY).get(), packet);
      if (reason != null) {
        metrics.drop(reason);
      }
    } finally {
      packet.release();
    }
  }

  private Drop route(StreamPort port, DatagramPacket packet) {
    if (port == null || port.batcher == null) {
      return Drop.NO_STREAM;
    }
    StreamGate gate = port.gate;
    if (gate.closed()) {
      return Drop.CLOSED;
    }
    boolean rtcp = RtpValidator.isRtcp(packet.content());
    if (!rtcp && port.rtcpOnly) {
      return Drop.RTP_ON_RTCP_PORT;
    }
    if (!rtcp && gate.paused()) {
      return Drop.PAUSED;
    }
    long now = System.nanoTime();
    gate.activity().touch(now);
    Drop reason = port.batcher.add(port.writer, port.consumer, packet.content(), now, rtcp);
    if (reason == null) {
      metrics.received(rtcp);
    }
    return reason;
  }
}
