package se.vittne.storage.login;

import static se.vittne.storage.jooq.Tables.API_TOKEN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.ApiTokenRecord;

/** API tokens for integrations, scoped and stored hashed. */
public final class ApiTokenRepository {
  private final DSLContext dsl;

  public ApiTokenRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * A token just issued.
   *
   * @param secret the bearer token, shown once
   * @param token what is stored about it
   */
  public record Issued(String secret, ApiToken token) {}

  public Issued issue(
      TenantId tenant,
      UUID login,
      String name,
      Set<String> scopes,
      Optional<Instant> expiresAt,
      Instant now) {
    String secret = SecretTokens.newToken();
    ApiTokenRecord row = dsl.newRecord(API_TOKEN);
    row.setId(UUID.randomUUID());
    row.setTenantId(tenant.value());
    row.setLoginId(login);
    row.setName(name);
    row.setTokenHash(SecretTokens.hash(secret));
    row.setScopes(scopes.stream().sorted().toArray(String[]::new));
    row.setCreatedAt(now.atOffset(ZoneOffset.UTC));
    row.setExpiresAt(expiresAt.map(e -> e.atOffset(ZoneOffset.UTC)).orElse(null));
    row.insert();
    return new Issued(secret, read(row));
  }

  public List<ApiToken> list(TenantId tenant) {
    return dsl.selectFrom(API_TOKEN)
        .where(API_TOKEN.TENANT_ID.eq(tenant.value()))
        .orderBy(API_TOKEN.CREATED_AT)
        .fetch(ApiTokenRepository::read);
  }

  public boolean revoke(TenantId tenant, UUID id, Instant now) {
    return dsl.update(API_TOKEN)
            .set(API_TOKEN.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
            .where(API_TOKEN.TENANT_ID.eq(tenant.value()))
            .and(API_TOKEN.ID.eq(id))
            .and(API_TOKEN.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  /** The live token a request bears, noting its use; empty when unknown, revoked or expired. */
  @AcrossTenants("a bearer token is all an integration's request brings")
  public Optional<ApiToken> authenticate(String secret, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return dsl.update(API_TOKEN)
        .set(API_TOKEN.LAST_USED_AT, at)
        .where(API_TOKEN.TOKEN_HASH.eq(SecretTokens.hash(secret)))
        .and(API_TOKEN.REVOKED_AT.isNull())
        .and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(at)))
        .returning()
        .fetchOptional()
        .map(ApiTokenRepository::read);
  }

  private static ApiToken read(ApiTokenRecord r) {
    return new ApiToken(
        r.getId(),
        Optional.ofNullable(r.getTenantId()).map(TenantId::new),
        r.getLoginId(),
        r.getName(),
        Set.of(r.getScopes()),
        r.getCreatedAt().toInstant(),
        Optional.ofNullable(r.getExpiresAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(r.getRevokedAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(r.getLastUsedAt()).map(OffsetDateTime::toInstant));
  }
}
