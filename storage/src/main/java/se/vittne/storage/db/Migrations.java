package se.vittne.storage.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The Flyway migrations under {@code db/vittne}: the only source of Vittne's schema. */
public final class Migrations {
  /** Where the scripts live on the classpath. */
  public static final String LOCATION = "classpath:db/vittne";

  private Migrations() {}

  /**
   * What a migration run did.
   *
   * @param applied how many scripts were applied now
   * @param schemaVersion the schema version afterwards
   */
  public record Result(int applied, String schemaVersion) {}

  /** Applies every pending script, in one transaction each; safe to run again. */
  public static Result migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(LOCATION)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return new Result(result.migrationsExecuted, result.targetSchemaVersion);
  }
}
