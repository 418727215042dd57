package se.vittne.capture.loadgen.audio;

/**
 * G.711 encoding (ITU-T G.711, tables 1 and 2) of 16-bit linear PCM, by lookup tables computed once
 * from the segment rules: A-law uses the 13 most significant bits, µ-law the 14 most significant.
 */
public final class G711 {
  private static final byte[] ALAW = new byte[1 << 13];
  private static final byte[] ULAW = new byte[1 << 14];
  private static final int ULAW_BIAS = 0x21;
  private static final int ULAW_CLIP = 8159;

  static {
    for (int i = 0; i < ALAW.length; i++) {
      ALAW[i] = (byte) alawOf13Bit((short) (i << 3) >> 3);
    }
    for (int i = 0; i < ULAW.length; i++) {
      ULAW[i] = (byte) ulawOf14Bit((short) (i << 2) >> 2);
    }
  }

  private G711() {}

  /** The A-law code of a 16-bit sample (even bits inverted, as sent on the wire). */
  public static byte alaw(short sample) {
    return ALAW[(sample >> 3) & 0x1FFF];
  }

  /** The µ-law code of a 16-bit sample (all bits inverted, as sent on the wire). */
  public static byte ulaw(short sample) {
    return ULAW[(sample >> 2) & 0x3FFF];
  }

  /** A-law: sign, 3-bit segment, 4-bit step; segments 0 and 1 share the step size. */
  private static int alawOf13Bit(int value) {
    int mask;
    int magnitude;
    if (value >= 0) {
      mask = 0xD5;
      magnitude = value;
    } else {
      mask = 0x55;
      magnitude = -value - 1;
    }
    int segment = segment(magnitude, 0x1F);
    if (segment >= 8) {
      return 0x7F ^ mask;
    }
    int step = segment < 2 ? (magnitude >> 1) & 0x0F : (magnitude >> segment) & 0x0F;
    return ((segment << 4) | step) ^ mask;
  }

  /** µ-law: the bias makes the segment boundaries powers of two. */
  private static int ulawOf14Bit(int value) {
    int mask;
    int magnitude;
    if (value < 0) {
      mask = 0x7F;
      magnitude = -value;
    } else {
      mask = 0xFF;
      magnitude = value;
    }
    magnitude = Math.min(magnitude, ULAW_CLIP) + ULAW_BIAS;
    int segment = segment(magnitude, 0x3F);
    if (segment >= 8) {
      return 0x7F ^ mask;
    }
    return ((segment << 4) | ((magnitude >> (segment + 1)) & 0x0F)) ^ mask;
  }

  /** The first segment whose upper end (firstEnd, doubled per segment) holds the magnitude. */
  private static int segment(int magnitude, int firstEnd) {
    int end = firstEnd;
    for (int segment = 0; segment < 8; segment++) {
      if (magnitude <= end) {
        return segment;
      }
      end = (end << 1) | 1;
    }
    return 8;
  }
}
