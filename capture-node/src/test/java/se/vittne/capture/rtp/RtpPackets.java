package se.vittne.capture.rtp;

import java.nio.ByteBuffer;

/** Builds RTP and RTCP packets for tests and test senders. */
public final class RtpPackets {
  private RtpPackets() {}

  /** A plain RTP packet: version 2, no padding, extension or CSRC. */
  public static byte[] rtp(
      int payloadType, boolean marker, int seq, long timestamp, long ssrc, byte[] payload) {
    return rtp(payloadType, marker, seq, timestamp, ssrc, payload, 0, payload.length);
  }

  public static byte[] rtp(
      int payloadType,
      boolean marker,
      int seq,
      long timestamp,
      long ssrc,
      byte[] payload,
      int offset,
      int length) {
    ByteBuffer b = ByteBuffer.allocate(12 + length);
    b.put((byte) 0x80);
    b.put((byte) ((marker ? 0x80 : 0) | payloadType));
    b.putShort((short) seq);
    b.putInt((int) timestamp);
    b.putInt((int) ssrc);
    b.put(payload, offset, length);
    return b.array();
  }

  /** An RTCP sender report alone (RFC 3550 6.4.1) with no report blocks. */
  public static byte[] senderReport(long ssrc, long ntp, long rtpTimestamp) {
    ByteBuffer b = ByteBuffer.allocate(28);
    b.put((byte) 0x80);
    b.put((byte) 200);
    b.putShort((short) 6);
    b.putInt((int) ssrc);
    b.putLong(ntp);
    b.putInt((int) rtpTimestamp);
    b.putInt(0);
    b.putInt(0);
    return b.array();
  }

  /** An RFC 4733 telephone-event payload. */
  public static byte[] telephoneEvent(int event, boolean end, int volume, int duration) {
    return new byte[] {
      (byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration
    };
  }

  /** An NTP timestamp of {@code nanos} since 1900. */
  public static long ntp(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    long fraction = ((nanos % 1_000_000_000L) << 32) / 1_000_000_000L;
    return seconds << 32 | fraction;
  }
}
