package se.vittne.capture.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished recordings waiting to be archived, one directory per session holding {@code job.json}
 * and {@code audio.wav}. An entry appears atomically (built under a temporary name, then renamed)
 * and disappears only after the archive has the audio and the rows, so nothing accepted is lost
 * when the database or the store is down or the node restarts.
 */
public final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  static final String JOB = "job.json";
  static final String AUDIO = "audio.wav";
  private static final String BUILDING = ".building-";

  /** One waiting recording. */
  public record Entry(String sessionId, Path directory) {
    public Path job() {
      return directory.resolve(JOB);
    }

    public Path audio() {
      return directory.resolve(AUDIO);
    }
  }

  private final Path root;

  public Outbox(Path root) throws IOException {
    this.root = Files.createDirectories(root);
    completeInterruptedEntries();
  }

  /**
   * Adds a finished session: the WAV file is moved in first, then the job is written, then the
   * entry is renamed into place. Without audio ({@code wav} null) the entry holds only rows to
   * insert. A crash in between leaves an entry under construction that {@link #orphanedAudio} finds
   * again.
   */
  public Entry add(ArchiveJob job, Path wav) throws IOException {
    String id = job.manifest().sessionId();
    Path building = root.resolve(BUILDING + id);
    Files.createDirectories(building);
    if (wav != null && !wav.equals(building.resolve(AUDIO))) {
      Files.move(wav, building.resolve(AUDIO), StandardCopyOption.ATOMIC_MOVE);
    }
    JobJson.write(building.resolve(JOB), job);
    Path entry = root.resolve(id);
    Files.move(building, entry, StandardCopyOption.ATOMIC_MOVE);
    return new Entry(id, entry);
  }

  /** The waiting entries, oldest first. */
  public List<Entry> pending() throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(BUILDING)) {
          entries.add(new Entry(name, dir));
        }
      }
    }
    entries.sort(Comparator.comparing(e -> lastModified(e.directory())));
    return entries;
  }

  public int size() throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return (int) dirs.filter(d -> !d.getFileName().toString().startsWith(BUILDING)).count();
    }
  }

  /** Removes an archived entry. */
  public void remove(Entry entry) throws IOException {
    Files.deleteIfExists(entry.audio());
    Files.deleteIfExists(entry.job());
    Files.deleteIfExists(entry.directory());
  }

  /** Audio moved into an entry whose building a crash interrupted before its job was written. */
  public java.util.Optional<Path> orphanedAudio(String sessionId) {
    Path audio = root.resolve(BUILDING + sessionId).resolve(AUDIO);
    return Files.exists(audio) ? java.util.Optional.of(audio) : java.util.Optional.empty();
  }

  /** Whether the session already has a complete entry. */
  public boolean contains(String sessionId) {
    return Files.exists(root.resolve(sessionId).resolve(JOB));
  }

  /**
   * An entry that was being built when the node died: complete it when its job was written, since
   * the job is written after the audio was moved in.
   */
  private void completeInterruptedEntries() throws IOException {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, BUILDING + "*")) {
      for (Path dir : dirs) {
        String id = dir.getFileName().toString().substring(BUILDING.length());
        if (Files.exists(dir.resolve(JOB))) {
          Files.move(dir, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
          log.info("completed the outbox entry of session {} interrupted by a restart", id);
        }
      }
    }
  }

  private static java.nio.file.attribute.FileTime lastModified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }
}
