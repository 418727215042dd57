package se.vittne.capture.rtp;

/**
 * Sequence numbers of one RTP source (RFC 3550 appendix A.1, without probation): extends the 16-bit
 * number to a 64-bit one across wrap-arounds, tells new packets from reordered ones, duplicates and
 * wild jumps, and counts what the loss figure of appendix A.3 needs.
 *
 * <p>A jump of more than {@value #MAX_DROPOUT} ahead or {@value #MAX_MISORDER} behind is believed
 * only when the next packet confirms it (the source restarted); duplicates are remembered for the
 * last {@value #WINDOW} sequence numbers. Not thread-safe.
 */
public final class SequenceTracker {
  /** The largest gap ahead still taken as loss. */
  public static final int MAX_DROPOUT = 3000;

  /** The largest step back still taken as reordering. */
  public static final int MAX_MISORDER = 100;

  /** How many recent sequence numbers are remembered for duplicate detection. */
  public static final int WINDOW = 128;

  /** What a packet's sequence number means. */
  public enum Outcome {
    /** The first packet of the source, or the first after a confirmed restart. */
    FIRST,
    /** Newer than every packet before (possibly after a gap). */
    NEWER,
    /** Older than the newest, not seen before: reordered. */
    OLDER,
    /** Seen before. */
    DUPLICATE,
    /** Too far from the others to believe yet. */
    BAD_JUMP
  }

  private boolean started;
  private long highest;
  private long base;
  private int badSeq = -1;
  private long expectedBefore;
  private long unique;
  private long duplicates;
  private final long[] seen = new long[WINDOW / 64];

  /** The extended sequence number of the last packet passed to {@link #update}. */
  private long last;

  /**
   * Accounts a packet's 16-bit sequence number; {@link #extended()} then gives its extended number.
   */
  public Outcome update(int seq) {
    if (!started) {
      restart(seq);
      return Outcome.FIRST;
    }
    int highSeq = (int) (highest & 0xFFFF);
    int delta = (seq - highSeq) & 0xFFFF;
    if (delta == 0) {
      duplicates++;
      last = highest;
      return Outcome.DUPLICATE;
    }
    if (delta < MAX_DROPOUT) {
      long ext = highest + delta;
      advanceWindow(ext);
      highest = ext;
      badSeq = -1;
      unique++;
      last = ext;
      return Outcome.NEWER;
    }
    if (delta <= 0x10000 - MAX_MISORDER) {
      if (seq == badSeq) {
        expectedBefore += highest - base + 1;
        restart(seq);
        return Outcome.FIRST;
      }
      badSeq = (seq + 1) & 0xFFFF;
      return Outcome.BAD_JUMP;
    }
    long ext = highest - (0x10000 - delta);
    last = ext;
    // within MAX_MISORDER < WINDOW of the highest: the window always covers it
    if (testAndSet(ext)) {
      duplicates++;
      return Outcome.DUPLICATE;
    }
    unique++;
    // reordered before the first packet: the expected range grows back to it
    base = Math.min(base, ext);
    return Outcome.OLDER;
  }

  private void restart(int seq) {
    // a restarted source numbers on above everything before, so extended numbers only grow
    long ext = started ? ((highest >> 16) + 1 << 16) | seq : seq;
    highest = ext;
    base = ext;
    last = ext;
    badSeq = -1;
    unique++;
    started = true;
    java.util.Arrays.fill(seen, 0);
    set(ext);
  }

  private void advanceWindow(long ext) {
    long gap = ext - highest;
    if (gap >= WINDOW) {
      java.util.Arrays.fill(seen, 0);
    } else {
      for (long s = highest + 1; s < ext; s++) {
        clear(s);
      }
    }
    set(ext);
  }

  private boolean testAndSet(long ext) {
    int bit = (int) (ext & (WINDOW - 1));
    long mask = 1L << (bit & 63);
    boolean was = (seen[bit >>> 6] & mask) != 0;
    seen[bit >>> 6] |= mask;
    return was;
  }

  private void set(long ext) {
    int bit = (int) (ext & (WINDOW - 1));
    seen[bit >>> 6] |= 1L << (bit & 63);
  }

  private void clear(long ext) {
    int bit = (int) (ext & (WINDOW - 1));
    seen[bit >>> 6] &= ~(1L << (bit & 63));
  }

  /** The extended sequence number of the packet just accounted. */
  public long extended() {
    return last;
  }

  /** The highest extended sequence number received. */
  public long highest() {
    return highest;
  }

  /** Packets expected from the first to the highest sequence number (A.3), over restarts. */
  public long expected() {
    return started ? expectedBefore + highest - base + 1 : 0;
  }

  /** Distinct packets received. */
  public long received() {
    return unique;
  }

  /** Packets received more than once. */
  public long duplicates() {
    return duplicates;
  }

  /** Packets expected and never received (A.3), never negative. */
  public long lost() {
    return Math.max(0, expected() - unique);
  }
}
