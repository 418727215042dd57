package se.vittne.capture.loadgen.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Writes the fixed RTP header of RFC 3550 section 5.1, without CSRCs or extensions:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 */
public final class RtpHeader {
  /** Bytes of the fixed header. */
  public static final int LENGTH = 12;

  private static final int VERSION_2 = 0x80;

  private RtpHeader() {}

  /**
   * Appends a header to {@code out}.
   *
   * @param sequence 0 to 65535 (wider values are truncated, which is the wrap-around)
   * @param timestamp 0 to 2^32-1 (wider values are truncated)
   * @param ssrc 0 to 2^32-1
   */
  public static void write(
      ByteBuf out, int payloadType, boolean marker, int sequence, long timestamp, long ssrc) {
    out.writeByte(VERSION_2);
    out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
    out.writeShort(sequence);
    out.writeInt((int) timestamp);
    out.writeInt((int) ssrc);
  }
}
