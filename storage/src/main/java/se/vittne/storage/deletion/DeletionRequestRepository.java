package se.vittne.storage.deletion;

import static se.vittne.storage.jooq.Tables.DELETION_REQUEST;
import static se.vittne.storage.jooq.Tables.DELETION_REQUEST_ITEM;
import static se.vittne.storage.jooq.Tables.RECORDING;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditActions;
import se.vittne.storage.audit.AuditEntry;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.jooq.tables.records.DeletionRequestRecord;

/**
 * Records deletion requests. The admin API resolves a filter to recording IDs (streaming the
 * search) and checks the user's explicit confirmation; this only keeps the request, audited, for
 * the deletion job.
 */
public final class DeletionRequestRepository {
  private final DSLContext dsl;

  public DeletionRequestRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Files a request for those of {@code recordings} that belong to the tenant; IDs of other tenants
   * or of no recording are ignored. The request and its audit entry are written together.
   */
  public DeletionRequest request(
      TenantId tenant,
      Collection<UUID> recordings,
      UUID requestedBy,
      String actor,
      Optional<String> reason,
      Instant at) {
    UUID id = UUID.randomUUID();
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      tx.insertInto(DELETION_REQUEST)
          .set(DELETION_REQUEST.ID, id)
          .set(DELETION_REQUEST.TENANT_ID, tenant.value())
          .set(DELETION_REQUEST.REQUESTED_BY, requestedBy)
          .set(DELETION_REQUEST.REQUESTED_AT, when)
          .set(DELETION_REQUEST.REASON, reason.orElse(null))
          .execute();
      List<UUID> covered =
          tx.insertInto(
                  DELETION_REQUEST_ITEM,
                  DELETION_REQUEST_ITEM.TENANT_ID,
                  DELETION_REQUEST_ITEM.REQUEST_ID,
                  DELETION_REQUEST_ITEM.RECORDING_ID)
              .select(
                  DSL.select(RECORDING.TENANT_ID, DSL.val(id), RECORDING.ID)
                      .from(RECORDING)
                      .where(RECORDING.TENANT_ID.eq(tenant.value()))
                      .and(RECORDING.ID.in(recordings)))
              .returningResult(DELETION_REQUEST_ITEM.RECORDING_ID)
              .fetch(DELETION_REQUEST_ITEM.RECORDING_ID);
      new AuditLog(tx)
          .append(
              tenant,
              AuditEntry.onSubject(
                  at,
                  Optional.of(requestedBy),
                  actor,
                  AuditActions.DELETION_REQUESTED,
                  "deletion_request",
                  id.toString(),
                  Map.of("recordings", covered.size())));
      return new DeletionRequest(
          id, Optional.of(requestedBy), at, reason, new HashSet<>(covered), Optional.empty());
    });
  }

  public Optional<DeletionRequest> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(DELETION_REQUEST)
        .where(DELETION_REQUEST.TENANT_ID.eq(tenant.value()))
        .and(DELETION_REQUEST.ID.eq(id))
        .fetchOptional()
        .map(this::read);
  }

  /** The tenant's requests, newest first. */
  public List<DeletionRequest> list(TenantId tenant, int limit) {
    return dsl.selectFrom(DELETION_REQUEST)
        .where(DELETION_REQUEST.TENANT_ID.eq(tenant.value()))
        .orderBy(DELETION_REQUEST.REQUESTED_AT.desc())
        .limit(limit)
        .fetch(this::read);
  }

  private DeletionRequest read(DeletionRequestRecord r) {
    List<UUID> items =
        dsl.select(DELETION_REQUEST_ITEM.RECORDING_ID)
            .from(DELETION_REQUEST_ITEM)
            .where(DELETION_REQUEST_ITEM.REQUEST_ID.eq(r.getId()))
            .and(DELETION_REQUEST_ITEM.TENANT_ID.eq(r.getTenantId()))
            .fetch(DELETION_REQUEST_ITEM.RECORDING_ID);
    return new DeletionRequest(
        r.getId(),
        Optional.ofNullable(r.getRequestedBy()),
        r.getRequestedAt().toInstant(),
        Optional.ofNullable(r.getReason()),
        new HashSet<>(items),
        Optional.ofNullable(r.getCompletedAt()).map(OffsetDateTime::toInstant));
  }
}
