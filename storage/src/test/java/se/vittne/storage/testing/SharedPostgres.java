package se.vittne.storage.testing;

import java.util.UUID;
import se.vittne.storage.db.EmbeddedPostgresServer;
import se.vittne.storage.db.Migrations;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped at exit, with a
 * migrated template database. Starting the server takes seconds and migrating more; copying the
 * template ({@code CREATE DATABASE ... TEMPLATE}) takes milliseconds, so every test class gets its
 * own database cheaply.
 */
public final class SharedPostgres {
  private static final String TEMPLATE = "vittne_template";
  private static EmbeddedPostgresServer server;

  private SharedPostgres() {}

  /** The server, started (and the template migrated) on the first call. */
  public static synchronized EmbeddedPostgresServer server() {
    if (server == null) {
      EmbeddedPostgresServer started = EmbeddedPostgresServer.startThrowaway();
      started.createDatabase(TEMPLATE, null);
      Migrations.migrate(started.unpooled(TEMPLATE));
      started.markTemplate(TEMPLATE);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
      server = started;
    }
    return server;
  }

  /** Creates a new, migrated and empty database and returns its name. */
  public static String newDatabase() {
    EmbeddedPostgresServer pg = server();
    String name = "test_" + UUID.randomUUID().toString().replace("-", "");
    // copies from one template must not overlap (PostgreSQL refuses a busy template)
    synchronized (SharedPostgres.class) {
      pg.createDatabase(name, TEMPLATE);
    }
    return name;
  }
}
