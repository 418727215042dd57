package se.vittne.storage.audio;

/**
 * A part of an object: {@code length} bytes from {@code offset}, or the rest of the object when
 * {@code length} is {@link #TO_END}. A range reaching past the end is cut at the end.
 */
public record ByteRange(long offset, long length) {
  public static final long TO_END = Long.MAX_VALUE;
  public static final ByteRange ALL = new ByteRange(0, TO_END);

  public ByteRange {
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException("a range starts at 0 or later and has at least one byte");
    }
  }

  public static ByteRange of(long offset, long length) {
    return new ByteRange(offset, length);
  }

  /** From {@code offset} to the end of the object. */
  public static ByteRange from(long offset) {
    return new ByteRange(offset, TO_END);
  }

  /** The last byte's offset, inclusive, for an HTTP-style {@code bytes=first-last}. */
  long lastInclusive() {
    return length == TO_END ? TO_END : offset + length - 1;
  }
}
