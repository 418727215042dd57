package se.vittne.capture.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jcodec.codecs.wav.WavHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.archive.Outbox;
import se.vittne.capture.session.SessionEnder;
import se.vittne.capture.session.SessionManifest;
import se.vittne.capture.session.SessionStore;
import se.vittne.capture.wav.RecoveredRecording;

/**
 * After a crash: every session whose manifest survived is handed to the archive with the audio the
 * media engine repaired (marked recovered). Repaired audio without a manifest cannot be attributed
 * to a tenant; it is moved aside for an operator, never archived.
 */
final class SpoolRecovery {
  private static final Logger log = LoggerFactory.getLogger(SpoolRecovery.class);

  private SpoolRecovery() {}

  static void recover(
      List<RecoveredRecording> repaired,
      Path spool,
      SessionStore sessions,
      Outbox outbox,
      SessionEnder ender,
      Path quarantine)
      throws IOException {
    Map<String, RecoveredRecording> bySession =
        repaired.stream()
            .collect(
                Collectors.toMap(RecoveredRecording::sessionId, Function.identity(), (a, b) -> a));
    for (SessionManifest manifest : sessions.list()) {
      String id = manifest.sessionId();
      RecoveredRecording audio = bySession.remove(id);
      if (outbox.contains(id)) {
        sessions.delete(id);
        deleteRepaired(audio);
        continue;
      }
      // A file the media finished but the crash kept from the outbox, or one already moved in.
      Optional<Path> orphan =
          Optional.of(spool.resolve(id + ".wav"))
              .filter(Files::exists)
              .or(() -> outbox.orphanedAudio(id));
      if (audio != null) {
        ender.endRecovered(
            manifest,
            audio.wavFile(),
            audio.start(),
            audio.duration(),
            audio.channels(),
            audio.sampleRate());
        Files.deleteIfExists(audio.metadataFile());
      } else if (orphan.isPresent()) {
        WavHeader header = WavHeader.read(orphan.get().toFile());
        var format = header.getFormat();
        long frames = header.dataSize / Math.max(1, format.getFrameSize());
        ender.endRecovered(
            manifest,
            orphan.get(),
            manifest.start(),
            java.time.Duration.ofMillis(frames * 1000 / Math.max(1, format.getSampleRate())),
            format.getChannels(),
            format.getSampleRate());
      } else {
        ender.end(manifest, Optional.empty());
      }
      log.info("recovered session {} of call {} after a restart", id, manifest.callId());
    }
    for (RecoveredRecording unclaimed : bySession.values()) {
      Files.createDirectories(quarantine);
      Files.move(
          unclaimed.wavFile(),
          quarantine.resolve(unclaimed.wavFile().getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(unclaimed.metadataFile());
      log.error(
          "repaired audio of session {} has no manifest: moved to {} for an operator",
          unclaimed.sessionId(),
          quarantine);
    }
  }

  private static void deleteRepaired(RecoveredRecording audio) throws IOException {
    if (audio != null) {
      Files.deleteIfExists(audio.wavFile());
      Files.deleteIfExists(audio.metadataFile());
    }
  }
}
