package se.vittne.capture.codec;

/**
 * Changes the sample rate of a stream by a rational factor {@code up/down} (8 -> 16 kHz is 2/1, 16
 * -> 8 kHz 1/2, 48 -> 16 kHz 1/3, 48 -> 8 kHz 1/6) with a polyphase windowed-sinc FIR: the input is
 * notionally up-sampled by {@code up}, low-pass filtered below the lower of the two Nyquist
 * frequencies (so down-sampling does not alias and up-sampling leaves no images), and every {@code
 * down}-th sample is kept. Only the kept samples are computed, each as a dot product of {@code
 * taps} input samples with one phase of the filter.
 *
 * <p>Arithmetic is integer (Q15 coefficients, 32-bit sums, which the JIT vectorises); the filter is
 * checked at construction never to overflow. Streaming: the state carries the last input samples
 * and the phase over calls, so packet boundaries are seamless. One instance per stream, one thread.
 */
public final class PolyphaseResampler {
  /** Zero crossings of the sinc on each side of its centre, per the lower rate. */
  private static final int ZERO_CROSSINGS = 16;

  private final int up;
  private final int down;
  private final int taps;

  /** Per phase p, coefficients reversed: y = sum_m coef[p][m] * x[i - taps + 1 + m]. */
  private final int[][] coef;

  private final int delay;

  /**
   * The last {@code taps - 1} input samples of the previous block followed by the first {@code taps
   * - 1} of the current one: the outputs near a block's start read from here, the rest from the
   * input itself, so no block is copied.
   */
  private final short[] edge;

  private final int maxInput;

  /** The up-sampled position of the next output, relative to the first sample of the next block. */
  private int next;

  /**
   * @param up the interpolation factor
   * @param down the decimation factor
   * @param maxInput the largest number of samples one {@link #process} call gets
   */
  public PolyphaseResampler(int up, int down, int maxInput) {
    if (up < 1 || down < 1 || maxInput < 1) {
      throw new IllegalArgumentException("bad factors " + up + "/" + down);
    }
    this.up = up;
    this.down = down;
    this.maxInput = maxInput;
    int factor = Math.max(up, down);
    this.taps = 2 * ZERO_CROSSINGS * factor / up + 1;
    this.coef = design(up, factor, taps);
    int length = taps * up;
    // the filter's centre, in up-sampled samples, as a whole number of output samples
    this.delay = Math.round(((length - 1) / 2.0f) / down);
    this.edge = new short[2 * (taps - 1)];
  }

  private static int[][] design(int up, int factor, int taps) {
    int length = taps * up;
    double centre = (length - 1) / 2.0;
    // pass band to 94% of the lower Nyquist frequency, in cycles per up-sampled sample
    double cutoff = 0.5 / factor * 0.94;
    double[] h = new double[length];
    double sum = 0;
    for (int k = 0; k < length; k++) {
      double t = k - centre;
      double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
      double w =
          0.42
              - 0.5 * Math.cos(2 * Math.PI * (k + 0.5) / length)
              + 0.08 * Math.cos(4 * Math.PI * (k + 0.5) / length);
      h[k] = sinc * w;
      sum += h[k];
    }
    int[][] phases = new int[up][taps];
    for (int p = 0; p < up; p++) {
      long absSum = 0;
      for (int j = 0; j < taps; j++) {
        int q = (int) Math.round(h[p + j * up] / sum * up * 32768);
        phases[p][taps - 1 - j] = q;
        absSum += Math.abs(q);
      }
      if (absSum * 32768 > Integer.MAX_VALUE) {
        throw new IllegalStateException("filter could overflow: " + absSum);
      }
    }
    return phases;
  }

  /** The output samples by which the filter delays the signal. */
  public int delay() {
    return delay;
  }

  /** The number of output samples {@link #process} would produce for {@code inputSamples}. */
  public int outputLength(int inputSamples) {
    int limit = up * inputSamples;
    return next >= limit ? 0 : (limit - next + down - 1) / down;
  }

  /**
   * Resamples {@code n} input samples.
   *
   * @return the number of output samples written
   */
  public int process(short[] in, int offset, int n, short[] out, int outOffset) {
    if (n > maxInput) {
      throw new IllegalArgumentException("block of " + n + " > " + maxInput);
    }
    int history = taps - 1;
    System.arraycopy(in, offset, edge, history, Math.min(n, history));
    int limit = up * n;
    int o = outOffset;
    int u = next;
    while (u < limit) {
      int i = u / up;
      int[] c = coef[u - i * up];
      // the window x[i - taps + 1 .. i]: in the edge buffer while it reaches into the last block
      int sum = i < history ? dot(c, edge, i) : dot(c, in, offset + i - history);
      int y = (sum + 16384) >> 15;
      out[o++] = (short) (y > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(y, Short.MIN_VALUE));
      u += down;
    }
    next = u - limit;
    if (n >= history) {
      System.arraycopy(in, offset + n - history, edge, 0, history);
    } else {
      System.arraycopy(edge, n, edge, 0, history);
    }
    return o - outOffset;
  }

  private int dot(int[] c, short[] x, int from) {
    int sum = 0;
    for (int m = 0; m < taps; m++) {
      sum += c[m] * x[from + m];
    }
    return sum;
  }

  /** Forgets the history, as at a discontinuity of the input. */
  public void reset() {
    java.util.Arrays.fill(edge, (short) 0);
    next = 0;
  }
}
