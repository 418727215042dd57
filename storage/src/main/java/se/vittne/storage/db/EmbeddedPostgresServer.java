package se.vittne.storage.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A PostgreSQL server run from the binaries in the zonky jar, for tests and {@code vittne demo}.
 * Nothing needs to be installed. The demo keeps its data directory across restarts; tests use a
 * throwaway one. The port is chosen by the OS.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server whose data lives in {@code dataDirectory} and survives a restart (the demo).
   * The directory is created and initialised on first use.
   */
  public static EmbeddedPostgresServer startPersistent(Path dataDirectory) {
    return start(dataDirectory, false);
  }

  /** Starts a server in a fresh temporary directory that is removed when it stops (tests). */
  public static EmbeddedPostgresServer startThrowaway() {
    return start(null, true);
  }

  private static EmbeddedPostgresServer start(Path dataDirectory, boolean throwaway) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setCleanDataDirectory(throwaway)
              // many test classes may hold pools at once on one server
              .setServerConfig("max_connections", "300")
              // a throwaway server needs no crash safety; it is far faster without
              .setServerConfig("fsync", throwaway ? "off" : "on")
              .setServerConfig("synchronous_commit", throwaway ? "off" : "on")
              .setServerConfig("full_page_writes", throwaway ? "off" : "on");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory.toAbsolutePath());
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return postgres.getJdbcUrl(SUPERUSER, requireName(database));
  }

  public String user() {
    return SUPERUSER;
  }

  /** The superuser's password; the embedded server trusts local connections, so any works. */
  public String password() {
    return "";
  }

  /** Configuration for a pool on one database of this server. */
  public DatabaseConfig config(String database, int poolSize) {
    return new DatabaseConfig(jdbcUrl(database), user(), password(), poolSize);
  }

  /** An unpooled data source, for administrative statements. */
  public DataSource unpooled(String database) {
    return postgres.getDatabase(SUPERUSER, requireName(database));
  }

  /** Creates a database unless it exists; copies {@code template} when one is given. */
  public void createDatabase(String name, String template) {
    String sql = "create database " + requireName(name);
    if (template != null) {
      sql += " template " + requireName(template);
    }
    try (Connection c = unpooled("postgres").getConnection();
        Statement s = c.createStatement()) {
      var exists = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
      if (!exists.next()) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  /** Removes a database, closing its remaining connections. */
  public void dropDatabase(String name) {
    try (Connection c = unpooled("postgres").getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + requireName(name) + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop database " + name, e);
    }
  }

  /** Allows or forbids new connections and copies of a database (a template must be idle). */
  public void markTemplate(String name) {
    try (Connection c = unpooled("postgres").getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "alter database " + requireName(name) + " with is_template true allow_connections false");
    } catch (SQLException e) {
      throw new IllegalStateException("could not mark " + name + " as a template", e);
    }
  }

  private static String requireName(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    return name;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
