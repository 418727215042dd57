package se.vittne.capture.codec;

/**
 * ITU-T G.722 (7 kHz audio coding within 64 kbit/s) decoder, mode 1 (64 kbit/s), written from the
 * Recommendation's block description (clause 6, "computational details"): each octet carries a
 * 6-bit lower sub-band ADPCM code ({@code ILR}, low bits) and a 2-bit higher sub-band code ({@code
 * IH}, high bits); each sub-band is decoded at 8 kHz and the receive QMF turns the pair into two 16
 * kHz samples.
 *
 * <p>The RTP clock of G.722 is 8000 Hz although the audio is sampled at 16 kHz (RFC 3551 section
 * 4.5.2): one octet, one RTP tick, two PCM samples. Output is scaled to 16 bits as ffmpeg's decoder
 * does (the 14-bit QMF output shifted left by one).
 */
public final class G722Decoder implements AudioDecoder {

  /** INVQBL, mode 1: the 6-bit inverse quantizer outputs, indexed by ILR. */
  private static final int[] QM6 = {
    -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232,
    -9360, -8576, -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776,
    -2400, -2032, -1688, -1360, -1040, -728, 24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
    10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456, 4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
    1688, 1360, 1040, 728, 432, 136, -432, -136
  };

  /** INVQAL: the 4-bit inverse quantizer outputs (ILR truncated to 4 bits), for prediction. */
  private static final int[] QM4 = {
    0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584,
    1200, 0
  };

  /** INVQAH: the 2-bit higher sub-band inverse quantizer outputs, indexed by IH. */
  private static final int[] QM2 = {-7408, -1616, 7408, 1616};

  /** LOGSCL: the log scale factor multipliers WL, indexed through RIL4 -> magnitude. */
  private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

  private static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};

  /** LOGSCH: the higher sub-band multipliers WH, indexed through IH -> magnitude. */
  private static final int[] WH = {0, -214, 798};

  private static final int[] RH2 = {2, 1, 2, 1};

  /** SCALEL/SCALEH: the inverse log-base-2 table ILB (32 entries of 2^(i/32) in Q11). */
  private static final int[] ILB = {
    2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
    2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008
  };

  /** The 24 receive QMF coefficients h0..h23 (symmetric), Q13. */
  private static final int[] QMF = {
    3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876, 3876, 951, -805, -210, 362, 32, -156,
    12, 53, -11, -11, 3
  };

  private final Band low = new Band(32);
  private final Band high = new Band(8);

  /** The QMF delay line: xd and xs of the last 12 sample pairs, interleaved. */
  private final int[] qmfDelay = new int[24];

  @Override
  public int sampleRate() {
    return 16000;
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
    if (2 * length > MAX_FRAME_SAMPLES || outOffset + 2 * length > out.length) {
      return -1;
    }
    int o = outOffset;
    for (int i = 0; i < length; i++) {
      int code = payload[offset + i] & 0xFF;
      int rl = decodeLow(code & 0x3F);
      int rh = decodeHigh(code >> 6);
      receiveQmf(rl, rh, out, o);
      o += 2;
    }
    return 2 * length;
  }

  @Override
  public int conceal(int samples, short[] out, int outOffset) {
    return 0;
  }

  @Override
  public void reset() {
    low.reset(32);
    high.reset(8);
    java.util.Arrays.fill(qmfDelay, 0);
  }

  /** Lower sub-band: INVQBL for the output, INVQAL for prediction, LOGSCL/SCALEL, then predict. */
  private int decodeLow(int ilr) {
    int dl = (low.det * QM6[ilr]) >> 15;
    int rl = limit(low.s + dl);
    int ril = ilr >> 2;
    int dlt = (low.det * QM4[ril]) >> 15;
    int nbl = ((low.nb * 127) >> 7) + WL[RL42[ril]];
    low.nb = Math.clamp(nbl, 0, 18432);
    low.det = scale(low.nb, 8);
    low.adapt(dlt);
    return rl;
  }

  /** Higher sub-band: INVQAH, LOGSCH/SCALEH, then predict. */
  private int decodeHigh(int ih) {
    int dh = (high.det * QM2[ih]) >> 15;
    int rh = limit(high.s + dh);
    int nbh = ((high.nb * 127) >> 7) + WH[RH2[ih]];
    high.nb = Math.clamp(nbh, 0, 22528);
    high.det = scale(high.nb, 10);
    high.adapt(dh);
    return rh;
  }

  /** SCALEL / SCALEH: the quantizer scale factor from its logarithm. */
  private static int scale(int nb, int bias) {
    int wd1 = (nb >> 6) & 31;
    int shift = bias - (nb >> 11);
    int wd3 = shift < 0 ? ILB[wd1] << -shift : ILB[wd1] >> shift;
    return wd3 << 2;
  }

  /**
   * Receive QMF (clause 4.4): the difference xd = rl - rh and the sum xs = rl + rh enter a 12-pair
   * delay line; the first output sample is the xd branch filtered by the odd coefficients, the
   * second the xs branch filtered by the even ones (bit-exact with ffmpeg's decoder).
   */
  private void receiveQmf(int rl, int rh, short[] out, int o) {
    int[] x = qmfDelay;
    System.arraycopy(x, 2, x, 0, 22);
    x[22] = rl + rh;
    x[23] = rl - rh;
    int sumXs = 0;
    int sumXd = 0;
    for (int i = 0; i < 24; i += 2) {
      sumXs += x[i] * QMF[i];
      sumXd += x[i + 1] * QMF[i + 1];
    }
    out[o] = saturate(sumXd >> 11);
    out[o + 1] = saturate(sumXs >> 11);
  }

  /** LIMIT: the reconstructed sub-band signal is a 15-bit value. */
  private static int limit(int v) {
    return Math.clamp(v, -16384, 16383);
  }

  private static short saturate(int v) {
    return (short) Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  private static int sat16(int v) {
    return Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  /**
   * The adaptive predictor of one sub-band (blocks RECONS, PARREC, UPPOL2, UPPOL1, UPZERO, DELAYA,
   * FILTEP, FILTEZ, PREDIC) and its scale factor state.
   */
  private static final class Band {
    int det;
    int nb;

    /** Predicted signal s and its zero-section part sz. */
    int s;

    int sz;

    /** Pole coefficients a1, a2; zero coefficients b1..b6. */
    int a1;

    int a2;
    final int[] b = new int[6];

    /** Delayed quantized differences d(n-1)..d(n-6). */
    final int[] d = new int[6];

    /** Delayed reconstructed signal r(n-1), r(n-2) and partial reconstruction p(n-1), p(n-2). */
    int r1;

    int r2;
    int p1;
    int p2;

    Band(int det) {
      reset(det);
    }

    void reset(int initialDet) {
      det = initialDet;
      nb = 0;
      s = 0;
      sz = 0;
      a1 = 0;
      a2 = 0;
      java.util.Arrays.fill(b, 0);
      java.util.Arrays.fill(d, 0);
      r1 = 0;
      r2 = 0;
      p1 = 0;
      p2 = 0;
    }

    /** Updates the predictor with the quantized difference dq of this sample. */
    void adapt(int dq) {
      int r = sat16(s + dq); // RECONS
      int p = sat16(sz + dq); // PARREC

      // UPPOL2: a2 = (1 - 2^-7) a2 + 2^-7 (sgn p sgn p2 - f(a1) sgn p sgn p1)
      int wd1 = sat16(a1 << 2);
      int wd2 = sameSign(p, p1) ? -wd1 : wd1;
      wd2 = Math.min(wd2, 32767);
      int na2 = sat16((sameSign(p, p2) ? 128 : -128) + (wd2 >> 7) + ((a2 * 32512) >> 15));
      na2 = Math.clamp(na2, -12288, 12288);

      // UPPOL1: a1 = (1 - 2^-8) a1 + 3 2^-8 sgn p sgn p1, |a1| <= 1 - 2^-4 - a2
      int na1 = sat16((sameSign(p, p1) ? 192 : -192) + ((a1 * 32640) >> 15));
      int bound = sat16(15360 - na2);
      na1 = Math.clamp(na1, -bound, bound);

      // UPZERO: b_i = (1 - 2^-8) b_i + 2^-7 sgn dq sgn d_i (no sign term when dq is 0)
      int step = dq == 0 ? 0 : 128;
      for (int i = 0; i < 6; i++) {
        int t = sameSign(dq, d[i]) ? step : -step;
        b[i] = sat16(t + ((b[i] * 32640) >> 15));
      }

      // DELAYA
      System.arraycopy(d, 0, d, 1, 5);
      d[0] = dq;
      r2 = r1;
      r1 = r;
      p2 = p1;
      p1 = p;
      a1 = na1;
      a2 = na2;

      // FILTEP, FILTEZ, PREDIC
      int sp = sat16(((a1 * sat16(r1 + r1)) >> 15) + ((a2 * sat16(r2 + r2)) >> 15));
      int z = 0;
      for (int i = 0; i < 6; i++) {
        z += (b[i] * sat16(d[i] + d[i])) >> 15;
      }
      sz = sat16(z);
      s = sat16(sp + sz);
    }

    /** The sign test of the Recommendation: the sign bit of 16-bit values, zero counts positive. */
    private static boolean sameSign(int x, int y) {
      return ((x ^ y) & 0x8000) == 0;
    }
  }
}
