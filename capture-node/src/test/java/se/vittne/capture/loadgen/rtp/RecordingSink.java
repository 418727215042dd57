package se.vittne.capture.loadgen.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A packet sink for tests: keeps each packet's bytes, releases the buffer, counts flushes. */
final class RecordingSink implements PacketSink {
  record Sent(byte[] bytes, InetSocketAddress recipient, int socketIndex, int flushesBefore) {
    int sequence() {
      return ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }

    long timestamp() {
      return ((bytes[4] & 0xFFL) << 24)
          | ((bytes[5] & 0xFF) << 16)
          | ((bytes[6] & 0xFF) << 8)
          | (bytes[7] & 0xFF);
    }

    long ssrc() {
      return ((bytes[8] & 0xFFL) << 24)
          | ((bytes[9] & 0xFF) << 16)
          | ((bytes[10] & 0xFF) << 8)
          | (bytes[11] & 0xFF);
    }

    boolean marker() {
      return (bytes[1] & 0x80) != 0;
    }

    int payloadType() {
      return bytes[1] & 0x7F;
    }
  }

  final List<Sent> sent = new ArrayList<>();
  int flushes;

  @Override
  public ByteBuf allocate(int size) {
    return Unpooled.buffer(size, size);
  }

  @Override
  public void send(ByteBuf packet, InetSocketAddress recipient, int socketIndex) {
    sent.add(new Sent(ByteBufUtil.getBytes(packet), recipient, socketIndex, flushes));
    packet.release();
  }

  @Override
  public void flush() {
    flushes++;
  }
}
