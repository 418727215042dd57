package se.vittne.storage.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.PutResult;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.recording.AudioInfo;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.testing.Recordings;

/** Archives recordings for real: audio in the store, row in the database. */
record Archive(DSLContext dsl, AudioStore store) {
  NewRecording archive(TenantId tenant, LocalDate expiresOn) {
    NewRecording base = Recordings.recording("201", Instant.parse("2026-09-01T10:00:00Z"));
    StoreKey key = StoreKey.forRecording(tenant, LocalDate.of(2026, 9, 1), base.id());
    try {
      PutResult put = store.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}));
      NewRecording r =
          new NewRecording(
              base.id(),
              base.call(),
              base.user(),
              base.end(),
              new AudioInfo("PCMA", 2, 8000, key.value(), put.size(), put.sha256()),
              base.policy(),
              base.quality(),
              false,
              expiresOn);
      new RecordingRepository(dsl).insert(tenant, r);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean audioExists(NewRecording r) {
    try {
      return store.stat(new StoreKey(r.audio().storeKey())).isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static UUID id(NewRecording r) {
    return r.id();
  }
}
