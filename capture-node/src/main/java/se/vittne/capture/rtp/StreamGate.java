package se.vittne.capture.rtp;

/**
 * What the event loop needs to know of a stream's state, written by the session's (signalling)
 * thread: whether its packets are recorded now. Also where the loop notes the last packet's arrival
 * for the session's media timeout.
 */
public final class StreamGate {
  private final Activity activity;
  private volatile boolean paused;
  private volatile boolean closed;

  public StreamGate(Activity activity) {
    this.activity = activity;
  }

  public boolean paused() {
    return paused;
  }

  public void paused(boolean value) {
    paused = value;
  }

  public boolean closed() {
    return closed;
  }

  /** Stops the stream for good: its packets are dropped from now on. */
  public void close() {
    closed = true;
  }

  public Activity activity() {
    return activity;
  }

  /** The time of the last packet of any stream of one session. */
  public static final class Activity {
    private volatile long lastNanos;

    public Activity(long startNanos) {
      this.lastNanos = startNanos;
    }

    public long lastNanos() {
      return lastNanos;
    }

    void touch(long nanos) {
      // one plain volatile store per packet; readers only need a recent value
      lastNanos = nanos;
    }
  }
}
