package se.vittne.capture.codec;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/** Tone checks by FFT (Commons Math): the dominant frequency of a window and levels by band. */
public final class Spectrum {
  private final double[] power;
  private final double binHz;

  private Spectrum(double[] power, double binHz) {
    this.power = power;
    this.binHz = binHz;
  }

  /** The power spectrum of {@code n} samples from {@code from}, Hann-windowed, zero-padded. */
  public static Spectrum of(short[] samples, int from, int n, int rate) {
    int size = Integer.highestOneBit(Math.max(2, n - 1)) << 1;
    double[] x = new double[size];
    for (int i = 0; i < n; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      x[i] = samples[from + i] * w;
    }
    Complex[] f =
        new FastFourierTransformer(DftNormalization.STANDARD).transform(x, TransformType.FORWARD);
    double[] p = new double[size / 2];
    for (int i = 0; i < p.length; i++) {
      p[i] = f[i].abs() * f[i].abs();
    }
    return new Spectrum(p, (double) rate / size);
  }

  /** The frequency of the strongest bin, in Hz. */
  public double dominantHz() {
    int best = 1;
    for (int i = 1; i < power.length; i++) {
      if (power[i] > power[best]) {
        best = i;
      }
    }
    return best * binHz;
  }

  /** Power within {@code ±width} Hz of {@code hz}. */
  public double powerNear(double hz, double width) {
    double sum = 0;
    int lo = (int) Math.max(0, Math.floor((hz - width) / binHz));
    int hi = (int) Math.min(power.length - 1, Math.ceil((hz + width) / binHz));
    for (int i = lo; i <= hi; i++) {
      sum += power[i];
    }
    return sum;
  }

  /** Power between two frequencies in Hz. */
  public double powerBetween(double fromHz, double toHz) {
    double sum = 0;
    for (int i = (int) Math.ceil(fromHz / binHz); i < power.length && i * binHz < toHz; i++) {
      sum += power[i];
    }
    return sum;
  }

  /** Total power. */
  public double total() {
    double sum = 0;
    for (double v : power) {
      sum += v;
    }
    return sum;
  }

  /** RMS of {@code n} samples from {@code from}. */
  public static double rms(short[] samples, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / Math.max(1, n));
  }

  /** A sine of {@code hz} at {@code amplitude}, {@code n} samples at {@code rate}. */
  public static short[] tone(double hz, double amplitude, int n, int rate) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }
}
