package se.vittne.capture.node;

import java.nio.file.Path;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;

/**
 * A capture node in a process of its own, for the crash test: {@code NodeProcess <jdbcUrl> <user>
 * <password> <dataDir> <storeDir>}. Prints {@code READY <sipPort>} and runs until it is killed.
 */
public final class NodeProcess {
  private NodeProcess() {}

  public static void main(String[] args) throws Exception {
    DatabaseConfig config = new DatabaseConfig(args[0], args[1], args[2], 4);
    Database database = Database.connect(config);
    CaptureNode node =
        NodeHarness.start(
            NodeHarness.config(Path.of(args[3]), 0),
            database,
            config,
            new FileSystemAudioStore(Path.of(args[4])));
    System.out.println("READY " + node.sipPort());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
