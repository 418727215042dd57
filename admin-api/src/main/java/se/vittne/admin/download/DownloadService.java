package se.vittne.admin.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingActions;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.recording.Recording;
import se.vittne.storage.recording.RecordingScope;

/** Downloads of one recording or several, each audited in the recording's history. */
public final class DownloadService {
  /** The most recordings in one ZIP. */
  public static final int MAX_IN_ZIP = 1000;

  private final RecordingAccess access;
  private final AudioStore store;
  private final Auditor auditor;
  private final Clock clock;

  public DownloadService(RecordingAccess access, AudioStore store, Auditor auditor, Clock clock) {
    this.access = access;
    this.store = store;
    this.auditor = auditor;
    this.clock = clock;
  }

  /**
   * A recording to download, already checked and audited.
   *
   * @param recording the recording
   * @param fileName its R-54 file name
   */
  public record Download(Recording recording, String fileName) {}

  /** Checks that the login may see the recording, audits the download and names the file. */
  public Download one(Principal p, ClientInfo client, UUID id) {
    Recording recording = access.find(p, id);
    ZoneId zone = access.settings(p.tenantId()).timeZone();
    auditor.recordOnRecording(p, client, RecordingActions.DOWNLOADED, id, Map.of());
    return new Download(recording, DownloadNames.of(recording, zone));
  }

  /**
   * Checks every recording before anything is sent (one the login may not see makes the whole
   * request "not found"), audits each download, and names the files, unique within the ZIP.
   */
  public List<Download> several(Principal p, ClientInfo client, List<UUID> ids) {
    if (ids.contains(null)) {
      throw ProblemException.Invalid.of("ids", "required", "An ID must not be null.");
    }
    Set<UUID> unique = new LinkedHashSet<>(ids);
    if (unique.isEmpty() || unique.size() > MAX_IN_ZIP) {
      throw ProblemException.Invalid.of(
          "ids", "out-of-range", "Give 1 to " + MAX_IN_ZIP + " recording IDs.");
    }
    RecordingScope scope = access.scope(p);
    ZoneId zone = access.settings(p.tenantId()).timeZone();
    List<Recording> recordings = new ArrayList<>();
    for (UUID id : unique) {
      recordings.add(access.find(p, id, scope));
    }
    Set<String> names = new HashSet<>();
    List<Download> downloads = new ArrayList<>();
    for (Recording r : recordings) {
      String name = DownloadNames.of(r, zone);
      String base = name.substring(0, name.length() - ".wav".length());
      for (int i = 2; !names.add(name); i++) {
        name = base + "_" + i + ".wav";
      }
      auditor.recordOnRecording(
          p, client, RecordingActions.DOWNLOADED, r.id(), Map.of("zip", true));
      downloads.add(new Download(r, name));
    }
    return downloads;
  }

  /** The ZIP file's own name: when it was made. */
  public String zipName(Principal p) {
    ZoneId zone = access.settings(p.tenantId()).timeZone();
    return "recordings_"
        + DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").format(clock.instant().atZone(zone))
        + ".zip";
  }

  /**
   * Writes the ZIP to {@code out} entry by entry, each WAV copied from the store as it is
   * compressed: nothing is held whole in memory or on disk.
   */
  public void writeZip(List<Download> downloads, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    // speech in 16-bit PCM gains little from harder compression; keep the CPU for serving
    zip.setLevel(Deflater.BEST_SPEED);
    byte[] buffer = new byte[64 * 1024];
    for (Download d : downloads) {
      ZipEntry entry = new ZipEntry(d.fileName());
      entry.setLastModifiedTime(FileTime.from(d.recording().call().start()));
      zip.putNextEntry(entry);
      try (InputStream in = store.get(new StoreKey(d.recording().audio().storeKey()))) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          zip.write(buffer, 0, n);
        }
      }
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }
}
