package se.vittne.capture.codec;

/**
 * ITU-T G.711 companding: µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8), RFC 3551
 * section 4.5.14. Decoding is a 256-entry table lookup; the encoders are for test senders and the
 * load generator.
 */
public final class G711 {
  private static final short[] ULAW = new short[256];
  private static final short[] ALAW = new short[256];

  static {
    for (int i = 0; i < 256; i++) {
      ULAW[i] = ulawToLinear(i);
      ALAW[i] = alawToLinear(i);
    }
  }

  private G711() {}

  /** The linear value of a µ-law code (G.711 table 2a, scaled to 16 bits). */
  public static short ulaw(byte code) {
    return ULAW[code & 0xFF];
  }

  /** The linear value of an A-law code (G.711 table 1a, scaled to 16 bits). */
  public static short alaw(byte code) {
    return ALAW[code & 0xFF];
  }

  private static short ulawToLinear(int code) {
    int u = ~code & 0xFF;
    int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
    return (short) ((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
  }

  private static short alawToLinear(int code) {
    int a = code ^ 0x55;
    int segment = (a & 0x70) >> 4;
    int magnitude = (a & 0x0F) << 4;
    magnitude = segment == 0 ? magnitude + 8 : (magnitude + 0x108) << (segment - 1);
    return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
  }

  /** The µ-law code of a linear sample (bias 0x84, clipped at 32635). */
  public static byte encodeUlaw(short sample) {
    int s = sample;
    int sign = 0;
    if (s < 0) {
      s = -s;
      sign = 0x80;
    }
    s = Math.min(s, 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (s >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** The A-law code of a linear sample. */
  public static byte encodeAlaw(short sample) {
    int s = sample;
    int sign = 0x80;
    if (s < 0) {
      s = -s - 1;
      sign = 0;
    }
    s = Math.min(s, 32767) >> 3;
    int code;
    if (s < 32) {
      code = s >> 1;
    } else {
      int segment = 31 - Integer.numberOfLeadingZeros(s) - 4;
      code = (segment << 4) | ((s >> segment) & 0x0F);
    }
    return (byte) ((sign | code) ^ 0x55);
  }

  /** Decodes µ-law payloads: one byte per sample at 8000 Hz. */
  public static AudioDecoder ulawDecoder() {
    return new TableDecoder(ULAW);
  }

  /** Decodes A-law payloads: one byte per sample at 8000 Hz. */
  public static AudioDecoder alawDecoder() {
    return new TableDecoder(ALAW);
  }

  private static final class TableDecoder implements AudioDecoder {
    private final short[] table;

    TableDecoder(short[] table) {
      this.table = table;
    }

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean stateful() {
      return false;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
      if (length > MAX_FRAME_SAMPLES || outOffset + length > out.length) {
        return -1;
      }
      short[] t = table;
      for (int i = 0; i < length; i++) {
        out[outOffset + i] = t[payload[offset + i] & 0xFF];
      }
      return length;
    }

    @Override
    public int conceal(int samples, short[] out, int outOffset) {
      return 0;
    }

    @Override
    public void reset() {}
  }
}
