package se.vittne.capture.loadgen.audio;

/**
 * A G.722 encoder at 64 kbit/s (mode 1), written from ITU-T G.722 (09/2012) section 3 and the block
 * names of its section 6: a 24-tap transmit QMF splits 16 kHz PCM into two 8 kHz sub-bands; the
 * lower one is coded by 6-bit and the higher by 2-bit adaptive differential PCM, each with the
 * pole-zero predictor of block 4. One octet per pair of input samples: {@code IH << 6 | IL}.
 *
 * <p>Input is 16-bit PCM; the QMF scaling maps it onto the 15-bit sub-band signals that the ADPCM
 * blocks expect. Stateful and not thread-safe: one encoder per stream.
 */
public final class G722Encoder {
  /** Transmit QMF coefficients h(0), h(2), ..., h(22) (table 11); h is symmetric. */
  private static final int[] QMF_EVEN = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11};

  /** Lower sub-band quantizer decision levels, scaled by 2^12 relative to the scale factor. */
  private static final int[] Q6 = {
    0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940, 1023,
    1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919, 0, 0
  };

  /**
   * Lower sub-band codes for negative and positive differences, by quantizer interval (table 7).
   */
  private static final int[] ILN = {
    0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11,
    10, 9, 8, 7, 6, 5, 4, 0
  };

  private static final int[] ILP = {
    0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39,
    38, 37, 36, 35, 34, 33, 32, 0
  };

  /** 4-bit inverse quantizer of the lower sub-band used for prediction (table 9, QQ4 × 2^3). */
  private static final int[] QM4 = {
    0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584,
    1200, 0
  };

  /** Log scale factor multipliers of the lower sub-band (table 12, WL) and their index (RIL). */
  private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

  private static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};

  /** Inverse log base 2 table (table 14, ILB). */
  private static final int[] ILB = {
    2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
    2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008
  };

  /** Higher sub-band: inverse quantizer (table 10), codes (table 8), multipliers (table 13). */
  private static final int[] QM2 = {-7408, -1616, 7408, 1616};

  private static final int[] IHN = {0, 1, 0};
  private static final int[] IHP = {0, 3, 2};
  private static final int[] WH = {0, -214, 798};
  private static final int[] RH2 = {2, 1, 2, 1};

  private static final int LOW_NB_MAX = 18432;
  private static final int HIGH_NB_MAX = 22528;

  private final int[] history = new int[24];
  private final SubBand low = new SubBand(32);
  private final SubBand high = new SubBand(8);

  /**
   * Encodes {@code count} samples (an even number) at 16 kHz into {@code count / 2} octets.
   *
   * @return the number of octets written
   */
  public int encode(short[] pcm, int offset, int count, byte[] out, int outOffset) {
    if ((count & 1) != 0) {
      throw new IllegalArgumentException("G.722 takes pairs of samples: " + count);
    }
    for (int i = 0; i < count; i += 2) {
      out[outOffset + i / 2] = encodePair(pcm[offset + i], pcm[offset + i + 1]);
    }
    return count / 2;
  }

  private byte encodePair(short first, short second) {
    System.arraycopy(history, 2, history, 0, 22);
    history[22] = first;
    history[23] = second;
    // Transmit QMF (section 3.3): xA over the newer sample of each pair, xB over the older.
    int sumA = 0;
    int sumB = 0;
    for (int i = 0; i < 12; i++) {
      sumB += history[2 * i] * QMF_EVEN[i];
      sumA += history[2 * i + 1] * QMF_EVEN[11 - i];
    }
    int xLow = (sumA + sumB) >> 14;
    int xHigh = (sumA - sumB) >> 14;
    int codeLow = encodeLow(xLow);
    int codeHigh = encodeHigh(xHigh);
    return (byte) ((codeHigh << 6) | codeLow);
  }

  /** Lower sub-band: SUBTRA, QUANTL, INVQAL, LOGSCL, SCALEL, then block 4 (section 6.2.1). */
  private int encodeLow(int xLow) {
    int difference = saturate(xLow - low.s);
    int magnitude = difference >= 0 ? difference : -(difference + 1);
    int interval = 1;
    while (interval < 30 && magnitude >= (Q6[interval] * low.det) >> 12) {
      interval++;
    }
    int code = difference < 0 ? ILN[interval] : ILP[interval];
    int code4 = code >> 2;
    int quantized = (low.det * QM4[code4]) >> 15;
    low.nb = clamp(((low.nb * 127) >> 7) + WL[RL42[code4]], 0, LOW_NB_MAX);
    low.det = scaleFactor(low.nb, 8);
    low.adapt(quantized);
    return code;
  }

  /** Higher sub-band: SUBTRA, QUANTH, INVQAH, LOGSCH, SCALEH, then block 4 (section 6.2.2). */
  private int encodeHigh(int xHigh) {
    int difference = saturate(xHigh - high.s);
    int magnitude = difference >= 0 ? difference : -(difference + 1);
    int level = magnitude >= (564 * high.det) >> 12 ? 2 : 1;
    int code = difference < 0 ? IHN[level] : IHP[level];
    int quantized = (high.det * QM2[code]) >> 15;
    high.nb = clamp(((high.nb * 127) >> 7) + WH[RH2[code]], 0, HIGH_NB_MAX);
    high.det = scaleFactor(high.nb, 10);
    high.adapt(quantized);
    return code;
  }

  /** SCALEL/SCALEH: the linear scale factor from the log one, via the inverse log table. */
  private static int scaleFactor(int nb, int shiftBase) {
    int mantissa = ILB[(nb >> 6) & 31];
    int shift = shiftBase - (nb >> 11);
    int value = shift < 0 ? mantissa << -shift : mantissa >> shift;
    return value << 2;
  }

  static int saturate(int value) {
    return clamp(value, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  /** The adaptive predictor state of one sub-band (block 4 of section 6.2.3). */
  private static final class SubBand {
    int s;
    int sp;
    int sz;
    int nb;
    int det;
    final int[] r = new int[3];
    final int[] p = new int[3];
    final int[] a = new int[3];
    final int[] ap = new int[3];
    final int[] d = new int[7];
    final int[] b = new int[7];
    final int[] bp = new int[7];

    SubBand(int initialDet) {
      this.det = initialDet;
    }

    void adapt(int quantized) {
      d[0] = quantized;
      r[0] = saturate(s + quantized); // RECONS
      p[0] = saturate(sz + quantized); // PARREC
      updatePoles();
      updateZeros(quantized);
      // DELAYA
      for (int i = 6; i > 0; i--) {
        d[i] = d[i - 1];
        b[i] = bp[i];
      }
      for (int i = 2; i > 0; i--) {
        r[i] = r[i - 1];
        p[i] = p[i - 1];
        a[i] = ap[i];
      }
      predict();
    }

    /** UPPOL2 then UPPOL1: the second-order pole section, kept stable by the limits. */
    private void updatePoles() {
      int sg0 = p[0] >> 15;
      int sg1 = p[1] >> 15;
      int sg2 = p[2] >> 15;
      int wd1 = saturate(a[1] << 2);
      int wd2 = Math.min(sg0 == sg1 ? -wd1 : wd1, 32767);
      int wd3 = (wd2 >> 7) + (sg0 == sg2 ? 128 : -128) + ((a[2] * 32512) >> 15);
      ap[2] = clamp(wd3, -12288, 12288);
      int pole1 = saturate((sg0 == sg1 ? 192 : -192) + ((a[1] * 32640) >> 15));
      int limit = saturate(15360 - ap[2]);
      ap[1] = clamp(pole1, -limit, limit);
    }

    /** UPZERO: sign-sign adaptation of the sixth-order zero section. */
    private void updateZeros(int quantized) {
      int gain = quantized == 0 ? 0 : 128;
      int sign = quantized >> 15;
      for (int i = 1; i < 7; i++) {
        int step = (d[i] >> 15) == sign ? gain : -gain;
        bp[i] = saturate(step + ((b[i] * 32640) >> 15));
      }
    }

    /** FILTEP, FILTEZ and PREDIC: the next prediction of the sub-band signal. */
    private void predict() {
      int pole1 = (a[1] * saturate(r[1] + r[1])) >> 15;
      int pole2 = (a[2] * saturate(r[2] + r[2])) >> 15;
      sp = saturate(pole1 + pole2);
      int zeros = 0;
      for (int i = 6; i > 0; i--) {
        zeros += (b[i] * saturate(d[i] + d[i])) >> 15;
      }
      sz = saturate(zeros);
      s = saturate(sp + sz);
    }
  }
}
