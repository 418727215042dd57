package se.vittne.capture.rtp;

/**
 * Field accessors over an RTP packet in a byte array (RFC 3550 section 5.1); nothing is copied or
 * allocated. The packet must have passed {@link RtpValidator#check}.
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
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length              |  (if X: section 5.3.1)
 * |                        header extension                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            payload  ...  | padding | pad count|  (if P)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Unsigned fields are widened: the sequence number to {@code int}, timestamp and SSRC to {@code
 * long}.
 */
public final class RtpHeader {
  /** The fixed header's length. */
  public static final int FIXED_LENGTH = 12;

  private RtpHeader() {}

  public static int version(byte[] b, int off) {
    return (b[off] & 0xFF) >>> 6;
  }

  public static boolean padding(byte[] b, int off) {
    return (b[off] & 0x20) != 0;
  }

  public static boolean extension(byte[] b, int off) {
    return (b[off] & 0x10) != 0;
  }

  public static int csrcCount(byte[] b, int off) {
    return b[off] & 0x0F;
  }

  public static boolean marker(byte[] b, int off) {
    return (b[off + 1] & 0x80) != 0;
  }

  public static int payloadType(byte[] b, int off) {
    return b[off + 1] & 0x7F;
  }

  public static int sequenceNumber(byte[] b, int off) {
    return (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
  }

  public static long timestamp(byte[] b, int off) {
    return readUint32(b, off + 4);
  }

  public static long ssrc(byte[] b, int off) {
    return readUint32(b, off + 8);
  }

  /** The header's length: fixed part, CSRC list and extension. */
  public static int headerLength(byte[] b, int off) {
    int length = FIXED_LENGTH + 4 * csrcCount(b, off);
    if (extension(b, off)) {
      int words = (b[off + length + 2] & 0xFF) << 8 | (b[off + length + 3] & 0xFF);
      length += 4 + 4 * words;
    }
    return length;
  }

  /** The payload's length: the packet without header and padding. */
  public static int payloadLength(byte[] b, int off, int packetLength) {
    int padding = padding(b, off) ? b[off + packetLength - 1] & 0xFF : 0;
    return packetLength - headerLength(b, off) - padding;
  }

  static long readUint32(byte[] b, int off) {
    return ((long) (b[off] & 0xFF) << 24)
        | (b[off + 1] & 0xFF) << 16
        | (b[off + 2] & 0xFF) << 8
        | (b[off + 3] & 0xFF);
  }
}
