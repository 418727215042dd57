package se.vittne.storage.testing;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;

/**
 * One test class's own database: migrated, empty, on the JVM's shared embedded server.
 *
 * @param name the database name
 * @param config URL, user and password, for code that opens its own connections
 * @param database the pool and jOOQ context on it
 */
public record TestDatabase(String name, DatabaseConfig config, Database database) {
  public DataSource dataSource() {
    return database.dataSource();
  }

  public DSLContext dsl() {
    return database.dsl();
  }
}
