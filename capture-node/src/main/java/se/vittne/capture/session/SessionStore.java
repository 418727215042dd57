package se.vittne.capture.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.archive.JobJson;

/**
 * The manifests of running sessions, one JSON file each, written before media is opened and removed
 * once the session's outbox entry exists: what a restarted node needs to archive the audio a crash
 * left in the spool.
 */
public final class SessionStore {
  private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
  private static final String SUFFIX = ".session.json";

  private final Path directory;

  public SessionStore(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  public void write(SessionManifest manifest) throws IOException {
    JobJson.write(file(manifest.sessionId()), manifest);
  }

  public void delete(String sessionId) throws IOException {
    Files.deleteIfExists(file(sessionId));
  }

  /** The manifests left by sessions that did not end on this run, readable ones only. */
  public List<SessionManifest> list() throws IOException {
    List<SessionManifest> manifests = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path file : files) {
        try {
          manifests.add(JobJson.read(file, SessionManifest.class));
        } catch (IOException e) {
          log.error("unreadable session manifest {} kept for an operator: {}", file, e.toString());
        }
      }
    }
    return manifests;
  }

  private Path file(String sessionId) {
    if (!sessionId.matches("[A-Za-z0-9._-]{1,200}") || sessionId.startsWith(".")) {
      throw new IllegalArgumentException("not a safe session id: " + sessionId);
    }
    return directory.resolve(sessionId + SUFFIX);
  }
}
