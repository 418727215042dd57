package se.vittne.storage.audio;

import java.io.IOException;

/** A range that starts at or after the end of the object (HTTP 416). */
public final class InvalidRangeException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidRangeException(StoreKey key, ByteRange range) {
    super("range " + range + " starts past the end of " + key);
  }
}
