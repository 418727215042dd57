package se.vittne.storage.login;

import static se.vittne.storage.jooq.Tables.LOGIN_SESSION;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.LoginSessionRecord;

/**
 * Server-side sessions. The browser's cookie holds a random token; the table holds only its hash,
 * so a leaked table opens no session.
 */
public final class SessionRepository {
  private final DSLContext dsl;

  public SessionRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * A session just opened: the token for the cookie (shown once) and the session.
   *
   * @param token the cookie value
   * @param session the stored session
   */
  public record Opened(String token, Session session) {}

  /** Opens a session for a login of the tenant. */
  public Opened open(
      TenantId tenant,
      UUID login,
      boolean keepLoggedIn,
      Duration ttl,
      String remoteAddress,
      String userAgent,
      Instant now) {
    return insert(tenant.value(), login, keepLoggedIn, ttl, remoteAddress, userAgent, now);
  }

  @AcrossTenants("operators belong to no tenant")
  public Opened openOperator(
      UUID login, Duration ttl, String remoteAddress, String userAgent, Instant now) {
    return insert(null, login, false, ttl, remoteAddress, userAgent, now);
  }

  /** The live session a cookie's token names; the token is all a request brings. */
  @AcrossTenants("a request's cookie is what tells whose session it is")
  public Optional<Session> find(String token, Instant now) {
    return dsl.selectFrom(LOGIN_SESSION)
        .where(LOGIN_SESSION.TOKEN_HASH.eq(SecretTokens.hash(token)))
        .and(LOGIN_SESSION.EXPIRES_AT.gt(now.atOffset(ZoneOffset.UTC)))
        .fetchOptional(SessionRepository::read);
  }

  /** Records use of a live session and extends it by {@code ttl}; false when it has ended. */
  @AcrossTenants("a request's cookie is what tells whose session it is")
  public boolean touch(String token, Duration ttl, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return dsl.update(LOGIN_SESSION)
            .set(LOGIN_SESSION.LAST_SEEN_AT, at)
            .set(LOGIN_SESSION.EXPIRES_AT, now.plus(ttl).atOffset(ZoneOffset.UTC))
            .where(LOGIN_SESSION.TOKEN_HASH.eq(SecretTokens.hash(token)))
            .and(LOGIN_SESSION.EXPIRES_AT.gt(at))
            .execute()
        == 1;
  }

  /** Logs out. */
  @AcrossTenants("a request's cookie is what tells whose session it is")
  public boolean close(String token) {
    return dsl.deleteFrom(LOGIN_SESSION)
            .where(LOGIN_SESSION.TOKEN_HASH.eq(SecretTokens.hash(token)))
            .execute()
        == 1;
  }

  /** Ends every session of a login (password changed, login deactivated or deleted). */
  public int closeAll(TenantId tenant, UUID login) {
    return dsl.deleteFrom(LOGIN_SESSION)
        .where(LOGIN_SESSION.TENANT_ID.eq(tenant.value()))
        .and(LOGIN_SESSION.LOGIN_ID.eq(login))
        .execute();
  }

  @AcrossTenants("housekeeping across the installation")
  public int deleteExpired(Instant now) {
    return dsl.deleteFrom(LOGIN_SESSION)
        .where(LOGIN_SESSION.EXPIRES_AT.le(now.atOffset(ZoneOffset.UTC)))
        .execute();
  }

  private Opened insert(
      UUID tenant,
      UUID login,
      boolean keep,
      Duration ttl,
      String remoteAddress,
      String userAgent,
      Instant now) {
    String token = SecretTokens.newToken();
    LoginSessionRecord row = dsl.newRecord(LOGIN_SESSION);
    row.setTokenHash(SecretTokens.hash(token));
    row.setLoginId(login);
    row.setTenantId(tenant);
    row.setCsrfToken(SecretTokens.newToken());
    row.setKeepLoggedIn(keep);
    row.setCreatedAt(now.atOffset(ZoneOffset.UTC));
    row.setLastSeenAt(now.atOffset(ZoneOffset.UTC));
    row.setExpiresAt(now.plus(ttl).atOffset(ZoneOffset.UTC));
    row.setRemoteAddress(remoteAddress);
    row.setUserAgent(
        userAgent == null || userAgent.length() <= 500 ? userAgent : userAgent.substring(0, 500));
    row.insert();
    return new Opened(token, read(row));
  }

  private static Session read(LoginSessionRecord r) {
    return new Session(
        r.getLoginId(),
        Optional.ofNullable(r.getTenantId()).map(TenantId::new),
        r.getCsrfToken(),
        r.getKeepLoggedIn(),
        r.getCreatedAt().toInstant(),
        r.getLastSeenAt().toInstant(),
        r.getExpiresAt().toInstant());
  }
}
