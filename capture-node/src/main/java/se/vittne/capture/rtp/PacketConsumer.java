package se.vittne.capture.rtp;

/**
 * The writer-side end of one stream: receives its packets, in arrival order, on the writer thread
 * that owns the stream. The byte array belongs to the batch and is reused after the call returns.
 */
public interface PacketConsumer {

  /** An RTP packet that passed {@link RtpValidator#checkRtp}. */
  void rtp(byte[] data, int offset, int length, long arrivalNanos);

  /** A compound RTCP packet that passed {@link RtpValidator#checkRtcp}. */
  void rtcp(byte[] data, int offset, int length, long arrivalNanos);
}
