package se.vittne.admin.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.login.SecretTokens;

/**
 * Token buckets against guessing passwords and flooding mailboxes, kept in PostgreSQL (table {@code
 * login_throttle}) so that every admin node counts the same attempts. Each login attempt takes a
 * token from the client address's bucket and from the account's; an empty bucket answers 429 with
 * Retry-After, before any password is checked. The account bucket is keyed by the address typed,
 * whether or not it has a login, so throttling reveals nothing either. Keys are stored as SHA-256
 * hashes.
 */
public final class LoginThrottle {
  /**
   * One limit: at most {@code attempts} in any {@code per}, refilled gradually.
   *
   * @param attempts the bucket's capacity
   * @param per the time to refill it
   */
  public record Limit(long attempts, Duration per) {
    public Limit {
      if (attempts < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a limit needs attempts >= 1 and a positive period");
      }
    }
  }

  /**
   * The limits.
   *
   * @param loginPerAccount login attempts per typed e-mail address
   * @param loginPerAddress login attempts per client address
   * @param resetPerAccount reset links mailed per typed address (more are silently not sent)
   * @param resetPerAddress reset requests per client address
   */
  public record Limits(
      Limit loginPerAccount, Limit loginPerAddress, Limit resetPerAccount, Limit resetPerAddress) {
    public static final Limits DEFAULT =
        new Limits(
            new Limit(10, Duration.ofMinutes(15)),
            new Limit(100, Duration.ofMinutes(15)),
            new Limit(3, Duration.ofHours(1)),
            new Limit(20, Duration.ofHours(1)));

    public Limits {
      Objects.requireNonNull(loginPerAccount, "loginPerAccount");
      Objects.requireNonNull(loginPerAddress, "loginPerAddress");
      Objects.requireNonNull(resetPerAccount, "resetPerAccount");
      Objects.requireNonNull(resetPerAddress, "resetPerAddress");
    }
  }

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final Limits limits;

  public LoginThrottle(DataSource dataSource, Clock clock, Limits limits) {
    this.limits = limits;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("login_throttle")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .clientClock(new ClockTimeMeter(clock))
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
  }

  /** Takes a login attempt for the typed address from the client address; 429 when exhausted. */
  public void loginAttempt(String email, String clientAddress) {
    take("login-address", clientAddress, limits.loginPerAddress());
    take("login-account", normalise(email), limits.loginPerAccount());
  }

  /** A successful login refills its account's bucket (not the client address's). */
  public void loginSucceeded(String email) {
    bucket("login-account", normalise(email), limits.loginPerAccount()).reset();
  }

  /** Takes a reset request from the client address; 429 when exhausted. */
  public void resetRequest(String clientAddress) {
    take("reset-address", clientAddress, limits.resetPerAddress());
  }

  /** Whether another reset link may be mailed to the typed address now (never tells the client). */
  public boolean resetMailAllowed(String email) {
    return bucket("reset-account", normalise(email), limits.resetPerAccount()).tryConsume(1);
  }

  /** Removes buckets that have been full for a while; returns how many. */
  public int removeExpired() {
    int removed = 0;
    int batch;
    do {
      batch = buckets.removeExpired(1000);
      removed += batch;
    } while (batch == 1000);
    return removed;
  }

  private void take(String purpose, String key, Limit limit) {
    ConsumptionProbe probe = bucket(purpose, key, limit).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new ProblemException.TooManyRequests(
          "Too many attempts; wait a while and try again.",
          Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private io.github.bucket4j.Bucket bucket(String purpose, String key, Limit limit) {
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(limit.attempts())
                    .refillGreedy(limit.attempts(), limit.per())
                    .build())
            .build();
    ProxyManager<String> proxies = buckets;
    return proxies.builder().build(SecretTokens.hash(purpose + ":" + key), () -> configuration);
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Bucket4j's view of the application clock, so that tests can move time. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
