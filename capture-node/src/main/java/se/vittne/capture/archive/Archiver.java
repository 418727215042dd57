package se.vittne.capture.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import se.vittne.capture.session.PartyOutcome;
import se.vittne.capture.session.SessionManifest;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.PutResult;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audio.StoredObject;
import se.vittne.storage.recording.AudioInfo;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.Quality;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.UnrecordedCall;
import se.vittne.storage.recording.UnrecordedCallRepository;

/**
 * Archives one finished session: for each recorded party the audio goes into the store under
 * the recording's key and its row is inserted; each unrecorded party gets its "not recorded" row.
 * Every step is idempotent — IDs are derived from the session and the party, the store is checked
 * before writing and the inserts ignore existing rows — so a retry after any failure or crash
 * completes the job without duplicates.
 */
public final class Archiver implements ArchiveStep {
  private final AudioStore store;
  private final RecordingRepository recordings;
  private final UnrecordedCallRepository unrecorded;

  public Archiver(
      AudioStore store, RecordingRepository recordings, UnrecordedCallRepository unrecorded) {
    this.store = store;
    this.recordings = recordings;
    this.unrecorded = unrecorded;
  }

  /** Archives a job whose WAV file is {@code audio} (absent when no party is recorded). */
  @Override
  public void archive(ArchiveJob job, Optional<Path> audio) throws IOException {
    SessionManifest manifest = job.manifest();
    Quality quality = QualityFlags.of(job.quality());
    for (PartyOutcome party : manifest.parties()) {
      if (party.recorded()) {
        Path wav =
            audio.orElseThrow(
                () -> new IOException("session " + manifest.sessionId() + " has no audio"));
        archiveRecording(job, party, wav, quality);
      } else {
        unrecorded.insert(
            manifest.tenant(),
            new UnrecordedCall(
                partyId(manifest, party, "unrecorded"),
                party.call(),
                party.user(),
                party.policy(),
                party.refusal()));
      }
    }
  }

  private void archiveRecording(ArchiveJob job, PartyOutcome party, Path wav, Quality quality)
      throws IOException {
    SessionManifest manifest = job.manifest();
    TenantId tenant = manifest.tenant();
    UUID id = partyId(manifest, party, "recording");
    LocalDate day = manifest.start().atZone(manifest.timeZone()).toLocalDate();
    StoreKey key = StoreKey.forRecording(tenant, day, id);
    Optional<StoredObject> stored = store.stat(key);
    if (stored.isEmpty() || stored.get().size() != job.sizeBytes()) {
      PutResult put;
      try (InputStream in = Files.newInputStream(wav)) {
        put = store.put(key, in);
      }
      if (!put.sha256().equals(job.sha256())) {
        throw new IOException(
            "audio of session "
                + manifest.sessionId()
                + " changed after it was hashed: "
                + put.sha256()
                + " != "
                + job.sha256());
      }
    }
    recordings.insert(
        tenant,
        new NewRecording(
            id,
            party.call(),
            party.user(),
            job.end(),
            new AudioInfo(
                String.join(",", job.codecs()),
                job.channels(),
                job.sampleRate(),
                key.value(),
                job.sizeBytes(),
                job.sha256()),
            party.policy(),
            quality,
            job.recovered(),
            NewRecording.expiryFor(
                manifest.start(), manifest.timeZone(), manifest.retentionDays())));
  }

  /** The same ID for the same party of the same session, whichever node or attempt archives it. */
  static UUID partyId(SessionManifest manifest, PartyOutcome party, String kind) {
    String name =
        kind
            + "/"
            + manifest.tenant()
            + "/"
            + manifest.sessionId()
            + "/"
            + party.user().extension();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
