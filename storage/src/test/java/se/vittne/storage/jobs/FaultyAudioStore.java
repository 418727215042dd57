package se.vittne.storage.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.ByteRange;
import se.vittne.storage.audio.PutResult;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audio.StoredObject;

/**
 * A real store with a crash injected around deletes: before the file goes (the store is down) or
 * right after it went (the process dies before the database hears of it).
 */
final class FaultyAudioStore implements AudioStore {
  enum Fault {
    NONE,
    FAIL_BEFORE_DELETE,
    CRASH_AFTER_DELETE
  }

  private final AudioStore real;
  private volatile Fault fault = Fault.NONE;

  FaultyAudioStore(AudioStore real) {
    this.real = real;
  }

  void inject(Fault fault) {
    this.fault = fault;
  }

  @Override
  public boolean delete(StoreKey key) throws IOException {
    switch (fault) {
      case FAIL_BEFORE_DELETE -> throw new IOException("the audio store is unreachable");
      case CRASH_AFTER_DELETE -> {
        real.delete(key);
        throw new IllegalStateException("the node died after erasing " + key);
      }
      case NONE -> {}
    }
    return real.delete(key);
  }

  @Override
  public PutResult put(StoreKey key, InputStream content) throws IOException {
    return real.put(key, content);
  }

  @Override
  public InputStream get(StoreKey key, ByteRange range) throws IOException {
    return real.get(key, range);
  }

  @Override
  public Optional<StoredObject> stat(StoreKey key) throws IOException {
    return real.stat(key);
  }

  @Override
  public Stream<StoredObject> list(String prefix) throws IOException {
    return real.list(prefix);
  }
}
