package se.vittne.capture.loadgen.rtp;

import java.util.Arrays;

/**
 * How late the pacer's ticks ran against their schedule, in microseconds. Keeps every sample up to
 * a bound (about 5.8 hours of ticks) for exact percentiles; beyond it only the count, mean and
 * maximum move on.
 */
public final class TickLateness {
  static final int MAX_SAMPLES = 1 << 20;

  private int[] samples = new int[1024];
  private int stored;
  private long count;
  private long sumMicros;
  private long maxMicros;

  /** Records one tick that ran {@code nanos} after its scheduled time (negative counts as 0). */
  public void record(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    count++;
    sumMicros += micros;
    maxMicros = Math.max(maxMicros, micros);
    if (stored < MAX_SAMPLES) {
      if (stored == samples.length) {
        samples = Arrays.copyOf(samples, Math.min(samples.length * 2, MAX_SAMPLES));
      }
      samples[stored++] = (int) Math.min(micros, Integer.MAX_VALUE);
    }
  }

  public Lateness snapshot() {
    if (count == 0) {
      return Lateness.NONE;
    }
    int[] sorted = Arrays.copyOf(samples, stored);
    Arrays.sort(sorted);
    return new Lateness(
        count,
        (double) sumMicros / count,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(sorted, 0.999),
        maxMicros);
  }

  /** Nearest-rank percentile. */
  private static long percentile(int[] sorted, double share) {
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
