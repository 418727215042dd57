package se.vittne.capture.rtp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * The first stage of the receive chain: passes datagrams that are structurally RTP or RTCP ({@link
 * RtpValidator}) and drops the rest, counting each by reason. Stateless and shared by every port.
 *
 * <p>Buffer ownership: a dropped datagram is released here; a passed one goes on unreleased to the
 * next handler, which then owns it.
 */
@ChannelHandler.Sharable
public final class RtpPacketFilter extends ChannelInboundHandlerAdapter {
  private final ReceiveMetrics metrics;

  public RtpPacketFilter(ReceiveMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof DatagramPacket packet) {
      Drop reason = RtpValidator.check(packet.content());
      if (reason != null) {
        metrics.drop(reason);
        packet.release();
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }
}
