package se.vittne.capture.rtp;

/**
 * The interarrival jitter estimate of RFC 3550 section 6.4.1 (computed as in appendix A.8): for
 * each packet the difference D between its transit time and the previous packet's, and J += (|D| -
 * J) / 16, in RTP timestamp units. Not thread-safe.
 */
public final class JitterEstimator {
  private final double ticksPerNano;
  private boolean started;
  private double lastTransit;
  private double jitter;

  /**
   * @param clockRate the source's RTP clock rate, to express arrival times in its units
   */
  public JitterEstimator(int clockRate) {
    this.ticksPerNano = clockRate / 1e9;
  }

  /**
   * Accounts a packet.
   *
   * @param arrivalNanos when it arrived, from {@link System#nanoTime()}
   * @param timestamp its RTP timestamp, extended past wrap-arounds
   * @return the estimate after it, in RTP timestamp units
   */
  public double update(long arrivalNanos, long timestamp) {
    double transit = arrivalNanos * ticksPerNano - timestamp;
    if (started) {
      double d = Math.abs(transit - lastTransit);
      jitter += (d - jitter) / 16;
    }
    started = true;
    lastTransit = transit;
    return jitter;
  }

  /** The estimate in RTP timestamp units. */
  public double jitter() {
    return jitter;
  }

  /** Forgets the history, as for a new source. */
  public void reset() {
    started = false;
    jitter = 0;
  }
}
