package se.vittne.deploy;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.Migrations;

/** {@code vittne migrate}: brings the database schema up to date (Flyway). */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Applies the database migrations that are not yet applied, then exits.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    ServerLogging.enable();
    try (Database database = Database.connect(ProcessSetup.database(options.load()))) {
      Migrations.Result result = database.migrate();
      System.out.println(
          "applied "
              + result.applied()
              + " migration(s); the schema is at version "
              + result.schemaVersion());
      return 0;
    }
  }
}
