package se.vittne.capture.rtp;

/**
 * Reads the sender reports (RFC 3550 section 6.4.1) out of a validated compound RTCP packet in a
 * byte array; other packet types are skipped.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class RtcpReader {
  /** The RTCP packet type of a sender report. */
  public static final int SR = 200;

  /** Receives each sender report. */
  public interface Listener {
    /**
     * @param ssrc the sender
     * @param ntpTimestamp the 64-bit NTP timestamp (seconds since 1900 in the high 32 bits)
     * @param rtpTimestamp the RTP timestamp of the same instant
     */
    void senderReport(long ssrc, long ntpTimestamp, long rtpTimestamp);
  }

  private RtcpReader() {}

  /** Calls the listener for each sender report of the compound packet. */
  public static void read(byte[] b, int off, int length, Listener listener) {
    int pos = off;
    int end = off + length;
    while (pos + 4 <= end) {
      int type = b[pos + 1] & 0xFF;
      int packetLength = 4 * (((b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF)) + 1);
      if (pos + packetLength > end) {
        return;
      }
      if (type == SR && packetLength >= 28) {
        long ssrc = RtpHeader.readUint32(b, pos + 4);
        long ntp = RtpHeader.readUint32(b, pos + 8) << 32 | RtpHeader.readUint32(b, pos + 12);
        long rtp = RtpHeader.readUint32(b, pos + 16);
        listener.senderReport(ssrc, ntp, rtp);
      }
      pos += packetLength;
    }
  }

  /** An NTP timestamp in nanoseconds since 1900. */
  public static long ntpToNanos(long ntp) {
    long seconds = ntp >>> 32;
    long fraction = ntp & 0xFFFFFFFFL;
    return seconds * 1_000_000_000L + (fraction * 1_000_000_000L >>> 32);
  }
}
