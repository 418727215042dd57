package se.vittne.capture.rtp;

/**
 * Turns the packets of RFC 4733 telephone events into one report per key press: the packets of an
 * event share its start timestamp, carry its growing duration and end with the E bit (sent three
 * times); a new timestamp starts the next event. An event whose end was lost is reported when the
 * next one starts, or at {@link #flush}. Not thread-safe.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TelephoneEvents {
  /** Receives each finished event. */
  public interface Listener {
    /**
     * @param startTimestamp the event's RTP timestamp (extended)
     * @param event the event code: 0-9, 10 = *, 11 = #, 12-15 = A-D (RFC 4733 section 3.2)
     * @param durationTicks its duration in RTP timestamp units
     */
    void event(long startTimestamp, int event, int durationTicks);
  }

  private final Listener listener;
  private boolean open;
  private boolean reported;
  private long timestamp;
  private int event;
  private int duration;

  public TelephoneEvents(Listener listener) {
    this.listener = listener;
  }

  /**
   * Accounts one telephone-event payload.
   *
   * @return false when the payload is not an event (too short)
   */
  public boolean accept(byte[] b, int off, int length, long extendedTimestamp) {
    if (length < 4) {
      return false;
    }
    int code = b[off] & 0xFF;
    boolean end = (b[off + 1] & 0x80) != 0;
    int dur = (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    if (!open || extendedTimestamp != timestamp) {
      if (open && extendedTimestamp < timestamp) {
        return true; // a late packet of an event already over
      }
      flush();
      open = true;
      reported = false;
      timestamp = extendedTimestamp;
      event = code;
      duration = dur;
    } else {
      duration = Math.max(duration, dur);
    }
    if (end && !reported) {
      report();
    }
    return true;
  }

  /** Reports the current event if its end never came. */
  public void flush() {
    if (open && !reported) {
      report();
    }
  }

  private void report() {
    reported = true;
    if (event <= 15) {
      listener.event(timestamp, event, duration);
    }
  }

  /** The character of a DTMF event code, or 0 for other events. */
  public static char digit(int event) {
    return event >= 0 && event <= 15 ? "0123456789*#ABCD".charAt(event) : 0;
  }
}
