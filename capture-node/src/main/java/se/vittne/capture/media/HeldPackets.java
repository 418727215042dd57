package se.vittne.capture.media;

/**
 * Packets of a stream with a stateful decoder that arrived after a gap in the sequence, waiting (at
 * most until their playout time) for the missing packets so that the decoder sees them in order.
 * Bounded: {@value #MAX_PACKETS} packets, {@value #ARENA} bytes of payload; the space is allocated
 * only when a stream first needs it. Sorted by extended sequence number.
 */
final class HeldPackets {
  static final int MAX_PACKETS = 16;
  static final int ARENA = 8192;

  private final long[] seq = new long[MAX_PACKETS];
  private final long[] timestamp = new long[MAX_PACKETS];
  private final int[] payloadType = new int[MAX_PACKETS];
  private final int[] offset = new int[MAX_PACKETS];
  private final int[] length = new int[MAX_PACKETS];
  private byte[] arena;
  private int used;
  private int count;

  boolean isEmpty() {
    return count == 0;
  }

  int size() {
    return count;
  }

  /**
   * Holds a payload copy.
   *
   * @return false when there is no room
   */
  boolean add(long extSeq, long extTimestamp, int pt, byte[] b, int off, int len) {
    if (count == MAX_PACKETS || len > ARENA) {
      return false;
    }
    if (arena == null) {
      arena = new byte[ARENA];
    }
    if (used + len > ARENA) {
      compact();
      if (used + len > ARENA) {
        return false;
      }
    }
    int at = count;
    while (at > 0 && seq[at - 1] > extSeq) {
      at--;
    }
    if (at > 0 && seq[at - 1] == extSeq) {
      return true; // already held
    }
    int move = count - at;
    System.arraycopy(seq, at, seq, at + 1, move);
    System.arraycopy(timestamp, at, timestamp, at + 1, move);
    System.arraycopy(payloadType, at, payloadType, at + 1, move);
    System.arraycopy(offset, at, offset, at + 1, move);
    System.arraycopy(length, at, length, at + 1, move);
    System.arraycopy(b, off, arena, used, len);
    seq[at] = extSeq;
    timestamp[at] = extTimestamp;
    payloadType[at] = pt;
    offset[at] = used;
    length[at] = len;
    used += len;
    count++;
    return true;
  }

  private void compact() {
    byte[] copy = new byte[ARENA];
    int pos = 0;
    for (int i = 0; i < count; i++) {
      System.arraycopy(arena, offset[i], copy, pos, length[i]);
      offset[i] = pos;
      pos += length[i];
    }
    arena = copy;
    used = pos;
  }

  long firstSeq() {
    return seq[0];
  }

  long firstTimestamp() {
    return timestamp[0];
  }

  int firstPayloadType() {
    return payloadType[0];
  }

  byte[] arena() {
    return arena;
  }

  int firstOffset() {
    return offset[0];
  }

  int firstLength() {
    return length[0];
  }

  /** Forgets the first packet (its bytes stay valid until the next {@link #add}). */
  void removeFirst() {
    count--;
    System.arraycopy(seq, 1, seq, 0, count);
    System.arraycopy(timestamp, 1, timestamp, 0, count);
    System.arraycopy(payloadType, 1, payloadType, 0, count);
    System.arraycopy(offset, 1, offset, 0, count);
    System.arraycopy(length, 1, length, 0, count);
    if (count == 0) {
      used = 0;
    }
  }

  void clear() {
    count = 0;
    used = 0;
  }
}
