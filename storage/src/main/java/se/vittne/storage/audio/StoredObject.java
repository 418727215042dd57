package se.vittne.storage.audio;

import java.time.Instant;
import java.util.Objects;

/**
 * An object in the audio store.
 *
 * @param key its key
 * @param size its size in bytes
 * @param lastModified when it was written
 */
public record StoredObject(StoreKey key, long size, Instant lastModified) {
  public StoredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
