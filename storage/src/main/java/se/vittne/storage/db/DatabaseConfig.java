package se.vittne.storage.db;

import java.util.Objects;

/**
 * How to reach the production database.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example:5432/vittne}
 * @param user the database role
 * @param password its password
 * @param poolSize the most connections this process keeps open
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {
  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1");
    }
  }

  @Override
  public String toString() {
    // never print the password
    return "DatabaseConfig[" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
  }
}
