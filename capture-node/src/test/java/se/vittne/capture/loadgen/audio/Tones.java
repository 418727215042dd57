package se.vittne.capture.loadgen.audio;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/** Finds the dominant frequency of PCM by FFT, to check which tone a stream carries. */
public final class Tones {
  private Tones() {}

  /** The frequency of the strongest bin over the first power-of-two samples (Hann window). */
  public static double dominantHz(double[] samples, int sampleRate) {
    int n = Integer.highestOneBit(samples.length);
    double[] windowed = new double[n];
    for (int i = 0; i < n; i++) {
      windowed[i] = samples[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
    }
    Complex[] spectrum =
        new FastFourierTransformer(DftNormalization.STANDARD)
            .transform(windowed, TransformType.FORWARD);
    int best = 1;
    for (int bin = 1; bin < n / 2; bin++) {
      if (spectrum[bin].abs() > spectrum[best].abs()) {
        best = bin;
      }
    }
    return (double) best * sampleRate / n;
  }

  /** The share of the signal's energy within ±tolerance Hz of the frequency. */
  public static double energyShareNear(
      double[] samples, int sampleRate, double hz, double tolerance) {
    int n = Integer.highestOneBit(samples.length);
    Complex[] spectrum =
        new FastFourierTransformer(DftNormalization.STANDARD)
            .transform(java.util.Arrays.copyOf(samples, n), TransformType.FORWARD);
    double near = 0;
    double total = 0;
    for (int bin = 1; bin < n / 2; bin++) {
      double energy = spectrum[bin].abs() * spectrum[bin].abs();
      total += energy;
      if (Math.abs((double) bin * sampleRate / n - hz) <= tolerance) {
        near += energy;
      }
    }
    return total == 0 ? 0 : near / total;
  }
}
