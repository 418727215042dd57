package se.vittne.capture.rtp;

import java.util.BitSet;

/**
 * Hands out UDP port pairs from a configured range: an even RTP port and the odd port above it for
 * RTCP (RFC 3550 section 11; the pair is reserved even when rtcp-mux leaves the odd port unused).
 * Allocation goes round the range, so a released pair is the last to be reused and stray packets of
 * an ended call do not land in a new one. Thread-safe.
 */
public final class PortAllocator {
  private final int first;
  private final int pairs;
  private final BitSet used;
  private int cursor;
  private int inUse;

  /**
   * @param first the lowest port of the range (rounded up to even)
   * @param last the highest port of the range
   */
  public PortAllocator(int first, int last) {
    int even = first + (first & 1);
    if (even < 1024 || last > 65535 || last < even + 1) {
      throw new IllegalArgumentException("bad RTP port range " + first + "-" + last);
    }
    this.first = even;
    this.pairs = (last - even + 1) / 2;
    this.used = new BitSet(pairs);
  }

  /** The even port of a free pair, or -1 when the range is exhausted. */
  public synchronized int allocate() {
    int pair = used.nextClearBit(cursor);
    if (pair >= pairs) {
      pair = used.nextClearBit(0);
      if (pair >= pairs) {
        return -1;
      }
    }
    used.set(pair);
    inUse++;
    cursor = pair + 1 == pairs ? 0 : pair + 1;
    return first + 2 * pair;
  }

  /** Returns a pair by its even port. Releasing a free pair is a no-op. */
  public synchronized void release(int rtpPort) {
    int pair = (rtpPort - first) / 2;
    if (pair >= 0 && pair < pairs && used.get(pair)) {
      used.clear(pair);
      inUse--;
    }
  }

  /** Pairs allocated now. */
  public synchronized int inUse() {
    return inUse;
  }

  /** Pairs in the range. */
  public int capacity() {
    return pairs;
  }
}
