package se.vittne.storage.login;

import static se.vittne.storage.jooq.Tables.PASSWORD_RESET;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.storage.AcrossTenants;

/** Forgot-password links: single use, expiring, stored hashed. */
public final class PasswordResetRepository {
  private final DSLContext dsl;

  public PasswordResetRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Issues a link token for a login found by its e-mail address; returns the token to mail. */
  @AcrossTenants("the login was found by its e-mail address, before anyone is logged in")
  public String issue(UUID login, Duration ttl, Instant now) {
    String token = SecretTokens.newToken();
    dsl.insertInto(PASSWORD_RESET)
        .set(PASSWORD_RESET.TOKEN_HASH, SecretTokens.hash(token))
        .set(PASSWORD_RESET.LOGIN_ID, login)
        .set(PASSWORD_RESET.CREATED_AT, now.atOffset(ZoneOffset.UTC))
        .set(PASSWORD_RESET.EXPIRES_AT, now.plus(ttl).atOffset(ZoneOffset.UTC))
        .execute();
    return token;
  }

  /**
   * Uses a link: the login it was issued for, once, while it has not expired. A second use, even
   * racing the first, gets nothing.
   */
  @AcrossTenants("the link's token is all the visitor brings")
  public Optional<UUID> consume(String token, Instant now) {
    var at = now.atOffset(ZoneOffset.UTC);
    return dsl.update(PASSWORD_RESET)
        .set(PASSWORD_RESET.USED_AT, at)
        .where(PASSWORD_RESET.TOKEN_HASH.eq(SecretTokens.hash(token)))
        .and(PASSWORD_RESET.USED_AT.isNull())
        .and(PASSWORD_RESET.EXPIRES_AT.gt(at))
        .returningResult(PASSWORD_RESET.LOGIN_ID)
        .fetchOptional(PASSWORD_RESET.LOGIN_ID);
  }
}
