package se.vittne.capture.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import se.vittne.capture.session.SessionManifest;
import se.vittne.storage.recording.ChannelQuality;

/**
 * A finished session waiting in the outbox: its manifest and what the media produced. The WAV file
 * lies beside the job in the outbox entry.
 *
 * @param manifest the session and the decision for each party
 * @param end when the session ended
 * @param duration the length of the audio
 * @param channels WAV channels
 * @param sampleRate WAV sample rate
 * @param codecs the encodings received
 * @param quality per channel
 * @param recovered whether a restarted node finished the file after a crash
 * @param sha256 the hash of the WAV file, computed when the job was made
 * @param sizeBytes the size of the WAV file
 */
public record ArchiveJob(
    SessionManifest manifest,
    Instant end,
    Duration duration,
    int channels,
    int sampleRate,
    List<String> codecs,
    List<ChannelQuality> quality,
    boolean recovered,
    String sha256,
    long sizeBytes) {
  public ArchiveJob {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(duration, "duration");
    codecs = List.copyOf(codecs);
    quality = List.copyOf(quality);
    Objects.requireNonNull(sha256, "sha256");
  }
}
