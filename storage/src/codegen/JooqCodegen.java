/*
 * Generates the jOOQ classes of the storage module from its Flyway migrations, at build time.
 *
 * Run by the JDK's source launcher from the exec-maven-plugin (see storage/pom.xml), so that no
 * extra module is needed. It migrates a throwaway embedded PostgreSQL and lets jOOQ read the real
 * catalogue: the migrations use PostgreSQL features (cidr, jsonb, triggers, partial indexes) that
 * a DDL-parsing code generator would have to be told to ignore. When the migrations have not
 * changed since the last run, it does nothing.
 *
 * Arguments: <migrations directory> <output directory> <package>
 */
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

public class JooqCodegen {
  public static void main(String[] args) throws Exception {
    Path migrations = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String packageName = args[2];
    Path stamp = output.resolve(".migrations.sha256");
    String fingerprint = fingerprint(migrations);
    if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
      System.out.println("jOOQ classes are up to date with the migrations");
      return;
    }
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure()
          .dataSource(ds)
          .locations("filesystem:" + migrations.toAbsolutePath())
          .load()
          .migrate();
      GenerationTool.generate(configuration(pg.getJdbcUrl("postgres", "postgres"), output, packageName));
    }
    Files.writeString(stamp, fingerprint);
  }

  private static Configuration configuration(String url, Path output, String packageName) {
    return new Configuration()
        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
        .withGenerator(
            new Generator()
                .withDatabase(
                    new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema("public")
                        .withExcludes("flyway_schema_history|scheduled_tasks|.*_notify|audit_log_refuse_change"))
                .withGenerate(
                    new Generate()
                        .withJavaTimeTypes(true)
                        .withRecords(true)
                        .withPojos(false)
                        .withDaos(false)
                        .withRoutines(false)
                        .withGeneratedAnnotation(false))
                .withTarget(
                    new Target()
                        .withPackageName(packageName)
                        .withDirectory(output.toAbsolutePath().toString())
                        .withClean(true)));
  }

  private static String fingerprint(Path migrations) throws IOException {
    try (Stream<Path> files = Files.list(migrations)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : sorted) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
