package se.vittne.capture.loadgen.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * Where a tick's packets go. The pacer calls {@link #allocate}, fills the buffer and hands it to
 * {@link #send}, which takes ownership (releases it once sent); {@link #flush} ends the tick.
 */
public interface PacketSink {

  /** A buffer for one packet of at most {@code size} bytes. */
  ByteBuf allocate(int size);

  /**
   * Queues a packet for sending from the stream's local socket (index into the sender's sockets).
   * Takes ownership of {@code packet}.
   */
  void send(ByteBuf packet, InetSocketAddress recipient, int socketIndex);

  /** Sends everything queued since the last flush, batched. */
  void flush();
}
