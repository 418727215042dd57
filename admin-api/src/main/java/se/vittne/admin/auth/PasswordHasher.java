package se.vittne.admin.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import se.vittne.storage.login.SecretTokens;

/**
 * Argon2id password hashes with OWASP's minimum parameters (19 MiB, two passes, one lane).
 *
 * <p>{@link #verify} always runs exactly one Argon2 verification: when there is no hash to check
 * (no such login, no password yet, a deactivated login) it checks against a dummy hash, so that the
 * time a login attempt takes does not tell whether the address has a login. The count of
 * verifications is the meter {@code vittne.admin.password.verifications}.
 */
public final class PasswordHasher {
  private static final Argon2PasswordEncoder ARGON2 =
      new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

  private final String dummyHash;
  private final Counter verifications;

  public PasswordHasher(MeterRegistry metrics) {
    this.dummyHash = ARGON2.encode(SecretTokens.newToken());
    this.verifications =
        Counter.builder("vittne.admin.password.verifications")
            .description("Argon2 password verifications, real or against the dummy hash")
            .register(metrics);
  }

  public String hash(String password) {
    return ARGON2.encode(password);
  }

  /** Whether the password matches the hash; false when there is no hash, after the same work. */
  public boolean verify(String password, Optional<String> hash) {
    verifications.increment();
    boolean matches = ARGON2.matches(password, hash.orElse(dummyHash));
    return hash.isPresent() && matches;
  }

  /** Whether the password is the one a stored hash was made from (the R-22 history check). */
  public boolean matches(String password, String hash) {
    return ARGON2.matches(password, hash);
  }
}
