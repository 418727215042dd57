package se.vittne.capture.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Structural checks of a received datagram (RFC 3550 appendix A.1 for RTP, A.2 for RTCP) and the
 * RTP/RTCP demultiplexing of RFC 5761 section 4: the second octet of RTCP is a packet type of 192
 * to 223, which RTP cannot produce with the payload types it may use. Reads the buffer in place,
 * never moves its indices.
 */
public final class RtpValidator {
  private RtpValidator() {}

  /** Whether the datagram is RTCP rather than RTP (RFC 5761 section 4). */
  public static boolean isRtcp(ByteBuf buf) {
    if (buf.readableBytes() < 2) {
      return false;
    }
    int second = buf.getUnsignedByte(buf.readerIndex() + 1);
    return second >= 192 && second <= 223;
  }

  /** Checks a datagram as RTP or RTCP, whichever it is. Returns why it is bad, or null. */
  public static Drop check(ByteBuf buf) {
    return isRtcp(buf) ? checkRtcp(buf) : checkRtp(buf);
  }

  /** RFC 3550 A.1: version, CSRC list, extension and padding fit the packet. */
  public static Drop checkRtp(ByteBuf buf) {
    int base = buf.readerIndex();
    int length = buf.readableBytes();
    if (length < 1) {
      return Drop.TRUNCATED;
    }
    int first = buf.getUnsignedByte(base);
    if (first >>> 6 != 2) {
      return Drop.BAD_VERSION;
    }
    if (length < RtpHeader.FIXED_LENGTH) {
      return Drop.TRUNCATED;
    }
    int payloadType = buf.getUnsignedByte(base + 1) & 0x7F;
    if (payloadType >= 72 && payloadType <= 76) {
      return Drop.BAD_PAYLOAD_TYPE;
    }
    int header = RtpHeader.FIXED_LENGTH + 4 * (first & 0x0F);
    if (header > length) {
      return Drop.BAD_CSRC;
    }
    if ((first & 0x10) != 0) {
      if (header + 4 > length) {
        return Drop.BAD_EXTENSION;
      }
      header += 4 + 4 * buf.getUnsignedShort(base + header + 2);
      if (header > length) {
        return Drop.BAD_EXTENSION;
      }
    }
    if ((first & 0x20) != 0) {
      int padding = buf.getUnsignedByte(base + length - 1);
      if (padding == 0 || header + padding > length) {
        return Drop.BAD_PADDING;
      }
    }
    return null;
  }

  /**
   * RFC 3550 A.2: version 2, first packet SR or RR (RFC 5506 reduced-size: any RTCP type), padding
   * only on the last packet, and the packets' lengths add up to the datagram.
   */
  public static Drop checkRtcp(ByteBuf buf) {
    int base = buf.readerIndex();
    int length = buf.readableBytes();
    if (length < 8) {
      return length >= 1 && buf.getUnsignedByte(base) >>> 6 != 2
          ? Drop.BAD_VERSION
          : Drop.TRUNCATED;
    }
    int offset = 0;
    // a compound packet of small packets is bounded by the datagram: at most length / 4 of them
    while (offset < length) {
      if (offset + 4 > length) {
        return Drop.BAD_RTCP_LENGTH;
      }
      int first = buf.getUnsignedByte(base + offset);
      if (first >>> 6 != 2) {
        return Drop.BAD_VERSION;
      }
      int type = buf.getUnsignedByte(base + offset + 1);
      if (type < 192 || type > 223) {
        return Drop.BAD_RTCP_TYPE;
      }
      int packetLength = 4 * (buf.getUnsignedShort(base + offset + 2) + 1);
      offset += packetLength;
      if ((first & 0x20) != 0 && offset != length) {
        return Drop.BAD_RTCP_TYPE;
      }
    }
    return offset == length ? null : Drop.BAD_RTCP_LENGTH;
  }
}
