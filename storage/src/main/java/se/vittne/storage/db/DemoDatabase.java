package se.vittne.storage.db;

import java.nio.file.Path;

/**
 * The database of {@code vittne demo}: an embedded PostgreSQL whose data stays in a directory
 * across restarts, with the schema migrated on every start.
 */
public final class DemoDatabase implements AutoCloseable {
  /** The name of the demo's database on the embedded server. */
  public static final String NAME = "vittne";

  private final EmbeddedPostgresServer server;
  private final Database database;

  private DemoDatabase(EmbeddedPostgresServer server, Database database) {
    this.server = server;
    this.database = database;
  }

  /** Starts the server in {@code dataDirectory} (created when missing) and migrates. */
  public static DemoDatabase start(Path dataDirectory, int poolSize) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDirectory);
    try {
      server.createDatabase(NAME, null);
      Database database = Database.connect(server.config(NAME, poolSize));
      database.migrate();
      return new DemoDatabase(server, database);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public Database database() {
    return database;
  }

  public EmbeddedPostgresServer server() {
    return server;
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      server.close();
    }
  }
}
