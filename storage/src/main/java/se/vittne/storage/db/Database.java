package se.vittne.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * A pooled connection to Vittne's PostgreSQL database and the jOOQ context over it. One per
 * process; close it on shutdown.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final DSLContext dsl;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.dsl = Jooq.dsl(dataSource);
  }

  /** Opens the pool; fails fast when the database cannot be reached. */
  public static Database connect(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setPoolName("vittne-db");
    hikari.setAutoCommit(true);
    return new Database(new HikariDataSource(hikari));
  }

  /** Applies the pending migrations; what {@code vittne migrate} runs. */
  public Migrations.Result migrate() {
    return Migrations.migrate(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DSLContext dsl() {
    return dsl;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
