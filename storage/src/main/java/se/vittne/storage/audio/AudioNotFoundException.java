package se.vittne.storage.audio;

import java.io.IOException;

/** The store has no object under the key. */
public final class AudioNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  public AudioNotFoundException(StoreKey key) {
    super("no audio stored under " + key);
  }
}
