package se.vittne.capture.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import se.vittne.capture.wav.WavSpoolFile;

/**
 * A recording's audio between arrival and disk: a ring of interleaved 16-bit frames on one timeline
 * from the session start, indexed by frame number. Streams add their decoded audio at the frames
 * their timestamps say (mixing, with saturation, where two meet); {@link #commit} writes the frames
 * up to a point to the WAV file in one or two large writes, counts how many of each channel's
 * samples were received rather than silence, and clears them for reuse. Frames never written by a
 * stream are silence.
 *
 * <p>The ring is a pooled direct buffer (so the file write needs no copy), released at {@link
 * #close}. Used by the session's writer thread only.
 */
final class PcmTimeline implements AutoCloseable {
  private final int channels;
  private final int capacity;
  private final int mask;
  private final int frameBytes;
  private final ByteBuf ring;
  private final ByteBuffer samples;
  private final ByteBuffer io;

  /** Per channel, one bit per ring slot: set when a received sample is there. */
  private final long[][] received;

  private final long[] receivedCommitted;
  private final WavSpoolFile file;
  private long committed;
  private boolean released;

  /**
   * @param capacityFrames ring size, a power of two
   */
  PcmTimeline(WavSpoolFile file, int channels, int capacityFrames, ByteBufAllocator allocator) {
    if (Integer.bitCount(capacityFrames) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacityFrames);
    }
    this.file = file;
    this.channels = channels;
    this.capacity = capacityFrames;
    this.mask = capacityFrames - 1;
    this.frameBytes = 2 * channels;
    int bytes = capacityFrames * frameBytes;
    this.ring = allocator.directBuffer(bytes, bytes);
    ring.setZero(0, bytes);
    ring.writerIndex(bytes);
    this.samples = ring.nioBuffer(0, bytes).order(ByteOrder.LITTLE_ENDIAN);
    this.io = samples.duplicate();
    this.received = new long[channels][capacityFrames / 64];
    this.receivedCommitted = new long[channels];
  }

  /** Frames before this one are in the file. */
  long committed() {
    return committed;
  }

  /** The ring's size in frames: how far ahead of {@link #committed()} audio can be placed. */
  int capacity() {
    return capacity;
  }

  /**
   * Mixes {@code n} samples into a channel from frame {@code frame}; what falls before the
   * committed frame or beyond the ring is cut.
   *
   * @param isReceived whether the samples were received (counted against silence) or concealed
   * @return the number of samples placed
   */
  int add(int channel, long frame, short[] pcm, int offset, int n, boolean isReceived) {
    long from = Math.max(frame, committed);
    long to = Math.min(frame + n, committed + capacity);
    if (from >= to) {
      return 0;
    }
    int count = (int) (to - from);
    int src = offset + (int) (from - frame);
    int slot = (int) (from & mask);
    int first = Math.min(count, capacity - slot);
    mix(channel, slot, pcm, src, first);
    if (first < count) {
      mix(channel, 0, pcm, src + first, count - first);
    }
    if (isReceived) {
      mark(received[channel], from, count);
    }
    return count;
  }

  /**
   * Moves a channel's samples of {@code [from, to)} earlier by {@code by} frames, leaving silence
   * behind: a stream whose first packets came late is put where its least-delayed packet says it
   * belongs. Samples whose new place is already written are dropped (the file cannot change).
   *
   * @return false (and nothing moved) when the range is not in the ring
   */
  boolean moveEarlier(int channel, long from, long to, long by) {
    if (by <= 0 || from >= to) {
      return by == 0;
    }
    if (to > committed + capacity) {
      return false;
    }
    long[] bits = received[channel];
    ByteBuffer s = samples;
    for (long f = Math.max(from, committed + by); f < to; f++) {
      int src = (int) (f & mask);
      int dst = (int) ((f - by) & mask);
      s.putShort((dst * channels + channel) << 1, s.getShort((src * channels + channel) << 1));
      copyBit(bits, src, dst);
    }
    for (long f = Math.max(Math.max(from, to - by), committed); f < to; f++) {
      int slot = (int) (f & mask);
      s.putShort((slot * channels + channel) << 1, (short) 0);
      bits[slot >>> 6] &= ~(1L << (slot & 63));
    }
    return true;
  }

  private static void copyBit(long[] bits, int from, int to) {
    long bit = (bits[from >>> 6] >>> (from & 63)) & 1L;
    bits[to >>> 6] = (bits[to >>> 6] & ~(1L << (to & 63))) | (bit << (to & 63));
  }

  /** Adds samples to one channel from a ring slot on, without wrapping. */
  private void mix(int channel, int slot, short[] pcm, int src, int n) {
    ByteBuffer s = samples;
    int step = frameBytes;
    int index = slot * step + 2 * channel;
    for (int i = 0; i < n; i++, index += step) {
      int v = s.getShort(index) + pcm[src + i];
      s.putShort(
          index, (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(v, Short.MIN_VALUE)));
    }
  }

  private void mark(long[] bits, long from, int count) {
    int slot = (int) (from & mask);
    int first = Math.min(count, capacity - slot);
    setBits(bits, slot, slot + first);
    if (first < count) {
      setBits(bits, 0, count - first);
    }
  }

  private static void setBits(long[] bits, int from, int to) {
    for (int i = from; i < to; ) {
      int word = i >>> 6;
      int bit = i & 63;
      int span = Math.min(64 - bit, to - i);
      long m = span == 64 ? -1L : ((1L << span) - 1) << bit;
      bits[word] |= m;
      i += span;
    }
  }

  private static long countAndClear(long[] bits, int from, int to) {
    long count = 0;
    for (int i = from; i < to; ) {
      int word = i >>> 6;
      int bit = i & 63;
      int span = Math.min(64 - bit, to - i);
      long m = span == 64 ? -1L : ((1L << span) - 1) << bit;
      count += Long.bitCount(bits[word] & m);
      bits[word] &= ~m;
      i += span;
    }
    return count;
  }

  /** Writes every frame before {@code upTo} to the file, in order; silence where none came. */
  void commit(long upTo) throws IOException {
    while (committed < upTo) {
      int slot = (int) (committed & mask);
      int frames = (int) Math.min(upTo - committed, capacity - slot);
      int start = slot * frameBytes;
      int length = frames * frameBytes;
      io.limit(start + length).position(start);
      file.write(io);
      for (int c = 0; c < channels; c++) {
        receivedCommitted[c] += countAndClear(received[c], slot, slot + frames);
      }
      ring.setZero(start, length);
      committed += frames;
    }
  }

  /** Samples of a channel that were received, among the committed frames. */
  long receivedSamples(int channel) {
    return receivedCommitted[channel];
  }

  @Override
  public void close() {
    if (!released) {
      released = true;
      ring.release();
    }
  }
}
