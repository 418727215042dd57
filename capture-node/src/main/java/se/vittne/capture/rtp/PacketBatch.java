package se.vittne.capture.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Packets on their way from an event loop to a writer thread: their bytes copied one after the
 * other into one array, with per-packet destination, arrival time, offset and length in parallel
 * arrays. A batch crosses threads as a whole, so the hand-off costs one queue operation per batch
 * rather than per packet, and batches are reused so the path allocates nothing.
 *
 * <p>Filled by one event loop thread, then delivered by one writer thread; never both at once.
 */
public final class PacketBatch {
  /** Bytes of packet data a batch holds. */
  public static final int DATA_CAPACITY = 32 * 1024;

  /** Packets a batch holds. */
  public static final int MAX_PACKETS = 128;

  private final byte[] data = new byte[DATA_CAPACITY];
  private final PacketConsumer[] targets = new PacketConsumer[MAX_PACKETS];
  private final long[] arrivals = new long[MAX_PACKETS];
  private final int[] offsets = new int[MAX_PACKETS];
  private final int[] lengths = new int[MAX_PACKETS];
  private final boolean[] rtcp = new boolean[MAX_PACKETS];
  private int used;
  private int count;

  /** Whether a packet of {@code length} bytes still fits. */
  boolean fits(int length) {
    return count < MAX_PACKETS && used + length <= DATA_CAPACITY;
  }

  /** Whether no further packet fits. */
  boolean full() {
    return count == MAX_PACKETS || used == DATA_CAPACITY;
  }

  /**
   * Consumes the readable bytes of {@code content} into the batch; the caller keeps (and releases)
   * the buffer. {@code readBytes} rather than {@code getBytes}: without {@code sun.misc.Unsafe}
   * (Netty's default on Java 25) the latter duplicates the buffer's NIO view for every call.
   */
  void add(PacketConsumer target, ByteBuf content, long arrivalNanos, boolean isRtcp) {
    int length = content.readableBytes();
    content.readBytes(data, used, length);
    targets[count] = target;
    arrivals[count] = arrivalNanos;
    offsets[count] = used;
    lengths[count] = length;
    rtcp[count] = isRtcp;
    count++;
    used += length;
  }

  /** Adds a packet from an array (tests and benchmarks). */
  public boolean add(
      PacketConsumer target, byte[] packet, int offset, int length, long arrivalNanos) {
    if (!fits(length)) {
      return false;
    }
    System.arraycopy(packet, offset, data, used, length);
    targets[count] = target;
    arrivals[count] = arrivalNanos;
    offsets[count] = used;
    lengths[count] = length;
    rtcp[count] = (packet[offset + 1] & 0xFF) >= 192 && (packet[offset + 1] & 0xFF) <= 223;
    count++;
    used += length;
    return true;
  }

  /** The number of packets. */
  public int size() {
    return count;
  }

  /** Hands every packet to its consumer, in order, then empties the batch for reuse. */
  public void deliver() {
    for (int i = 0; i < count; i++) {
      if (rtcp[i]) {
        targets[i].rtcp(data, offsets[i], lengths[i], arrivals[i]);
      } else {
        targets[i].rtp(data, offsets[i], lengths[i], arrivals[i]);
      }
    }
    clear();
  }

  /** Empties the batch without delivering, releasing its references to consumers. */
  public void clear() {
    java.util.Arrays.fill(targets, 0, count, null);
    count = 0;
    used = 0;
  }
}
