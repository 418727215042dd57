package se.vittne.capture.rtp;

import io.netty.util.AttributeKey;

/**
 * What a bound UDP port receives for: the stream (its gate and its writer-side consumer), whether
 * the port is for RTCP only, and the batcher of the event loop the port's channel runs on. Set as a
 * channel attribute before the port is bound, never changed after.
 */
public final class StreamPort {
  /** The channel attribute under which the router finds the port's stream. */
  public static final AttributeKey<StreamPort> KEY = AttributeKey.valueOf("vittne.rtp.port");

  final StreamGate gate;
  final PacketConsumer consumer;
  final int writer;
  final boolean rtcpOnly;
  PacketBatcher batcher;

  /** The index of the writer thread that owns the stream. */
  public int writer() {
    return writer;
  }

  /**
   * @param writer the index of the writer thread that owns the consumer
   * @param rtcpOnly true for the odd RTCP port of a stream without rtcp-mux
   */
  public StreamPort(StreamGate gate, PacketConsumer consumer, int writer, boolean rtcpOnly) {
    this.gate = gate;
    this.consumer = consumer;
    this.writer = writer;
    this.rtcpOnly = rtcpOnly;
  }
}
