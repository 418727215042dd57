package se.vittne.capture.wav;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs the spool after a crash, before the node records again: every unfinished {@code
 * *.wav.part} is cut to whole frames, given the header its length calls for, and renamed {@code
 * *.recovered.wav} with its metadata beside it. Audio lost is what had not reached the file: at
 * most the writer's flush interval plus the jitter window.
 */
public final class SpoolRecovery {
  private static final Logger log = LoggerFactory.getLogger(SpoolRecovery.class);

  private SpoolRecovery() {}

  /**
   * Repairs the unfinished files of {@code spool} and lists every recovered recording waiting
   * there, including those repaired by an earlier start and not yet taken away.
   */
  public static List<RecoveredRecording> recover(Path spool) throws IOException {
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(spool, "*" + WavSpoolFile.PART)) {
      for (Path part : parts) {
        try {
          repair(part);
        } catch (IOException e) {
          log.error("cannot repair spool file {}; left as it is", part, e);
        }
      }
    }
    List<RecoveredRecording> recovered = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(spool, "*" + WavSpoolFile.RECOVERED)) {
      for (Path wav : files) {
        String base = baseName(wav, WavSpoolFile.RECOVERED);
        Path meta = spool.resolve(base + WavSpoolFile.RECOVERED_META);
        Path unmoved = spool.resolve(base + WavSpoolFile.META);
        try {
          if (!Files.exists(meta) && Files.exists(unmoved)) {
            Files.move(unmoved, meta, StandardCopyOption.ATOMIC_MOVE);
          }
          recovered.add(describe(wav, meta));
        } catch (IOException e) {
          log.error("recovered file {} has no readable metadata", wav, e);
        }
      }
    }
    recovered.sort(java.util.Comparator.comparing(RecoveredRecording::start));
    return recovered;
  }

  private static String baseName(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - suffix.length());
  }

  private static void repair(Path part) throws IOException {
    String base = baseName(part, WavSpoolFile.PART);
    Path spool = part.getParent();
    Path meta = spool.resolve(base + WavSpoolFile.META);
    if (!Files.exists(meta)) {
      throw new IOException("no metadata " + meta + " for " + part);
    }
    SpoolMetadata m = SpoolMetadata.read(meta);
    int frameBytes = 2 * m.channels();
    long frames;
    try (FileChannel ch =
        FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long data = Math.max(0, ch.size() - WavSpoolFile.HEADER_LENGTH);
      frames = data / frameBytes;
      ch.truncate(WavSpoolFile.HEADER_LENGTH + frames * frameBytes);
      ch.position(0);
      WavSpoolFile.header(m.sampleRate(), m.channels(), frames).write(ch);
      ch.force(true);
    }
    // the WAV first: a crash between the two moves leaves the metadata under its old name, which
    // the listing below still finds
    Files.move(part, spool.resolve(base + WavSpoolFile.RECOVERED), StandardCopyOption.ATOMIC_MOVE);
    Files.move(
        meta, spool.resolve(base + WavSpoolFile.RECOVERED_META), StandardCopyOption.ATOMIC_MOVE);
    log.warn(
        "recovered unfinished recording {} of call {}: {} s of audio",
        m.sessionId(),
        m.callId(),
        frames / (double) m.sampleRate());
  }

  private static RecoveredRecording describe(Path wav, Path meta) throws IOException {
    SpoolMetadata m = SpoolMetadata.read(meta);
    long frames = (Files.size(wav) - WavSpoolFile.HEADER_LENGTH) / (2L * m.channels());
    return new RecoveredRecording(
        m.sessionId(),
        m.callId(),
        wav,
        meta,
        m.start(),
        Duration.ofNanos(frames * 1_000_000_000L / m.sampleRate()),
        m.sampleRate(),
        m.channels());
  }
}
