package se.vittne.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
  @Test
  void refusesAUrlThatIsNotPostgres() {
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://x/y", "u", "p", 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PostgreSQL JDBC URL");
  }

  @Test
  void refusesAnEmptyPool() {
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:postgresql://x/y", "u", "p", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsThePassword() {
    var config = new DatabaseConfig("jdbc:postgresql://db/vittne", "vittne", "s3cret", 8);
    assertThat(config.toString()).contains("jdbc:postgresql://db/vittne").doesNotContain("s3cret");
  }
}
