package se.vittne.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatabaseIT {
  @Test
  void theDemoDatabaseKeepsItsDataAcrossARestart(@TempDir Path dataDirectory) {
    try (DemoDatabase demo = DemoDatabase.start(dataDirectory.resolve("pg"), 2)) {
      demo.database()
          .dsl()
          .execute(
              "insert into tenant (id, name) values ('7d0c5a8e-0000-4000-8000-000000000001', 'Kept AB')");
    }

    try (DemoDatabase restarted = DemoDatabase.start(dataDirectory.resolve("pg"), 2)) {
      assertThat(restarted.database().dsl().fetchValue("select name from tenant"))
          .isEqualTo("Kept AB");
      assertThat(restarted.database().migrate().applied()).isZero();
    }
  }
}
