package se.vittne.storage.sharing;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.SHARE_LINK;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.ShareLinkRecord;
import se.vittne.storage.login.SecretTokens;

/** Share links of recordings. */
public final class ShareLinkRepository {
  /** How long a shared link plays. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

  private final DSLContext dsl;

  public ShareLinkRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * A link just made.
   *
   * @param token the secret for the URL, shown once
   * @param link what is stored about it
   */
  public record Created(String token, ShareLink link) {}

  /**
   * Makes a link to one of the tenant's recordings; empty when the tenant has no such recording.
   */
  public Optional<Created> create(
      TenantId tenant,
      UUID recording,
      UUID createdBy,
      String recipient,
      Optional<String> subject,
      Duration validity,
      Instant now) {
    String token = SecretTokens.newToken();
    UUID id = UUID.randomUUID();
    int inserted =
        dsl.insertInto(
                SHARE_LINK,
                SHARE_LINK.ID,
                SHARE_LINK.TENANT_ID,
                SHARE_LINK.RECORDING_ID,
                SHARE_LINK.TOKEN_HASH,
                SHARE_LINK.CREATED_BY,
                SHARE_LINK.RECIPIENT,
                SHARE_LINK.SUBJECT,
                SHARE_LINK.CREATED_AT,
                SHARE_LINK.EXPIRES_AT)
            .select(
                DSL.select(
                        DSL.val(id),
                        RECORDING.TENANT_ID,
                        RECORDING.ID,
                        DSL.val(SecretTokens.hash(token)),
                        DSL.val(createdBy),
                        DSL.val(recipient),
                        DSL.val(subject.orElse(null)),
                        DSL.val(now.atOffset(ZoneOffset.UTC)),
                        DSL.val(now.plus(validity).atOffset(ZoneOffset.UTC)))
                    .from(RECORDING)
                    .where(RECORDING.TENANT_ID.eq(tenant.value()))
                    .and(RECORDING.ID.eq(recording))
                    .and(RECORDING.STATE.eq("ACTIVE")))
            .execute();
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(new Created(token, find(tenant, id).orElseThrow()));
  }

  /**
   * The link a visitor's token names, whatever its status, so that an expired or revoked link gets
   * a clear page; a valid link's use is noted.
   */
  @AcrossTenants("the link's token is all the visitor brings")
  public Optional<ShareLink> resolve(String token, Instant now) {
    Optional<ShareLink> link =
        dsl.selectFrom(SHARE_LINK)
            .where(SHARE_LINK.TOKEN_HASH.eq(SecretTokens.hash(token)))
            .fetchOptional(ShareLinkRepository::read);
    link.filter(l -> l.status(now) == ShareLink.Status.VALID)
        .ifPresent(l ->
            dsl.update(SHARE_LINK)
                .set(SHARE_LINK.LAST_USED_AT, now.atOffset(ZoneOffset.UTC))
                .where(SHARE_LINK.ID.eq(l.id()))
                .execute());
    return link;
  }

  public Optional<ShareLink> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(SHARE_LINK)
        .where(SHARE_LINK.TENANT_ID.eq(tenant.value()))
        .and(SHARE_LINK.ID.eq(id))
        .fetchOptional(ShareLinkRepository::read);
  }

  /** The links made for one recording, newest first. */
  public List<ShareLink> forRecording(TenantId tenant, UUID recording) {
    return dsl.selectFrom(SHARE_LINK)
        .where(SHARE_LINK.TENANT_ID.eq(tenant.value()))
        .and(SHARE_LINK.RECORDING_ID.eq(recording))
        .orderBy(SHARE_LINK.CREATED_AT.desc())
        .fetch(ShareLinkRepository::read);
  }

  public boolean revoke(TenantId tenant, UUID id, Instant now) {
    return dsl.update(SHARE_LINK)
            .set(SHARE_LINK.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
            .where(SHARE_LINK.TENANT_ID.eq(tenant.value()))
            .and(SHARE_LINK.ID.eq(id))
            .and(SHARE_LINK.REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  private static ShareLink read(ShareLinkRecord r) {
    return new ShareLink(
        r.getId(),
        new TenantId(r.getTenantId()),
        r.getRecordingId(),
        Optional.ofNullable(r.getCreatedBy()),
        r.getRecipient(),
        Optional.ofNullable(r.getSubject()),
        r.getCreatedAt().toInstant(),
        r.getExpiresAt().toInstant(),
        Optional.ofNullable(r.getRevokedAt()).map(OffsetDateTime::toInstant));
  }
}
