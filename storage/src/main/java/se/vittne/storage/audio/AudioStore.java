package se.vittne.storage.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stores recordings' audio. A put is all or nothing: until it completes, readers see no object (or
 * the previous one), and a put that fails midway leaves nothing behind. Implementations are
 * thread-safe.
 */
public interface AudioStore {
  /**
   * Writes the stream under the key, replacing any object there, and returns its size and the
   * SHA-256 computed while writing. The stream is read to its end but not closed.
   */
  PutResult put(StoreKey key, InputStream content) throws IOException;

  /**
   * Opens part of an object; the caller closes the stream.
   *
   * @throws AudioNotFoundException when there is no such object
   * @throws InvalidRangeException when the range starts at or past the end
   */
  InputStream get(StoreKey key, ByteRange range) throws IOException;

  /** Opens a whole object; the caller closes the stream. */
  default InputStream get(StoreKey key) throws IOException {
    return get(key, ByteRange.ALL);
  }

  /** The object's size and time, or empty when there is none. */
  Optional<StoredObject> stat(StoreKey key) throws IOException;

  /** Removes an object; deleting a missing one is not an error. Returns whether one existed. */
  boolean delete(StoreKey key) throws IOException;

  /**
   * The objects whose keys start with {@code prefix}, for reconciliation with the database. The
   * stream is lazy; close it.
   */
  Stream<StoredObject> list(String prefix) throws IOException;
}
