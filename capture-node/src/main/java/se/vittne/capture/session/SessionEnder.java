package se.vittne.capture.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.archive.ArchiveJob;
import se.vittne.capture.archive.ArchiveWorker;
import se.vittne.capture.archive.Outbox;
import se.vittne.capture.media.MediaException;
import se.vittne.capture.media.MediaResult;
import se.vittne.capture.media.MediaSession;
import se.vittne.storage.audio.Sha256;
import se.vittne.storage.recording.ChannelQuality;

/**
 * Hands a finished session to the archive: closes the WAV file, hashes it, and moves it with its
 * decisions into the outbox — or erases it when no party is recorded, keeping only the "not
 * recorded" rows. The session's manifest is removed only once the outbox entry exists.
 */
public final class SessionEnder {
  private static final Logger log = LoggerFactory.getLogger(SessionEnder.class);

  private final Outbox outbox;
  private final ArchiveWorker worker;
  private final SessionStore sessions;
  private final Clock clock;

  public SessionEnder(Outbox outbox, ArchiveWorker worker, SessionStore sessions, Clock clock) {
    this.outbox = outbox;
    this.worker = worker;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Ends a session whose media (if any was opened) is still running, now. */
  public void end(SessionManifest manifest, Optional<MediaSession> media) {
    end(manifest, media, System.nanoTime());
  }

  /**
   * Ends a session whose media (if any was opened) is still running; its recording ends at {@code
   * endNanos} ({@link System#nanoTime()}, e.g. when the BYE arrived).
   */
  public void end(SessionManifest manifest, Optional<MediaSession> media, long endNanos) {
    try {
      if (media.isEmpty()) {
        handOver(manifest, withoutAudio(manifest), null);
      } else if (!manifest.anyRecorded()) {
        media.get().discard();
        handOver(manifest, withoutAudio(manifest), null);
      } else {
        MediaResult result = media.get().finish(endNanos);
        handOver(manifest, job(manifest.withAudioStart(result.start()), result), result.wavFile());
      }
    } catch (MediaException | IOException e) {
      // The manifest and the spool file stay: the next start of the node archives them.
      log.error("session {} could not be handed to the archive now", manifest.sessionId(), e);
    }
  }

  /** Hands over audio a crash left behind, repaired by the media engine. */
  public void endRecovered(
      SessionManifest manifest,
      Path wav,
      Instant audioStart,
      Duration duration,
      int channels,
      int sampleRate)
      throws IOException {
    manifest = manifest.withAudioStart(audioStart);
    if (!manifest.anyRecorded()) {
      Files.deleteIfExists(wav);
      handOver(manifest, withoutAudio(manifest), null);
      return;
    }
    ArchiveJob job =
        new ArchiveJob(
            manifest,
            manifest.parties().get(0).call().start().plus(duration),
            duration,
            channels,
            sampleRate,
            List.of(),
            List.of(),
            true,
            Sha256.ofFile(wav),
            Files.size(wav));
    handOver(manifest, job, wav);
  }

  private void handOver(SessionManifest manifest, ArchiveJob job, Path wav) throws IOException {
    if (!manifest.parties().isEmpty() || wav != null) {
      outbox.add(job, wav);
      worker.wake();
    } else {
      log.info(
          "session {} ended before signalling named any party: nothing kept", manifest.sessionId());
    }
    sessions.delete(manifest.sessionId());
  }

  private ArchiveJob job(SessionManifest manifest, MediaResult result) throws IOException {
    List<ChannelQuality> quality =
        result.quality().stream()
            .map(q ->
                new ChannelQuality(
                    q.packets(),
                    q.lost(),
                    q.late(),
                    q.duplicates(),
                    q.jitterMillis(),
                    Math.max(0, Math.min(1, q.silenceShare()))))
            .toList();
    return new ArchiveJob(
        manifest,
        result.start().plus(result.duration()),
        result.duration(),
        result.channels(),
        result.sampleRate(),
        result.codecs(),
        quality,
        false,
        Sha256.ofFile(result.wavFile()),
        Files.size(result.wavFile()));
  }

  private ArchiveJob withoutAudio(SessionManifest manifest) {
    return new ArchiveJob(
        manifest, clock.instant(), Duration.ZERO, 1, 8000, List.of(), List.of(), false, "", 0);
  }
}
