package se.vittne.capture.loadgen.rtp;

/**
 * How late the sending ticks ran, in microseconds after their scheduled time. A late tick delays
 * every packet due on it, so this is the sender's contribution to the receiver's jitter.
 *
 * @param ticks ticks measured
 * @param meanMicros mean lateness
 * @param p50Micros median
 * @param p99Micros 99th percentile
 * @param p999Micros 99.9th percentile
 * @param maxMicros the latest tick
 */
public record Lateness(
    long ticks,
    double meanMicros,
    long p50Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros) {
  /** No tick ran. */
  public static final Lateness NONE = new Lateness(0, 0, 0, 0, 0, 0);
}
