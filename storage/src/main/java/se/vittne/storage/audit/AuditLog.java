package se.vittne.storage.audit;

import static se.vittne.storage.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.AuditLogRecord;

/**
 * Appends to and reads the audit log. Pass the DSLContext of a running transaction to make the
 * entry part of the act it records.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final DSLContext dsl;

  public AuditLog(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Appends an entry of the tenant and returns its sequence number. */
  public long append(TenantId tenant, AuditEntry entry) {
    return insert(tenant.value(), entry);
  }

  @AcrossTenants("operators act on the installation, not on one tenant")
  public long appendOperator(AuditEntry entry) {
    return insert(null, entry);
  }

  /** A recording's history, oldest first. */
  public List<AuditRecord> historyOf(TenantId tenant, UUID recording) {
    return dsl.selectFrom(AUDIT_LOG)
        .where(AUDIT_LOG.TENANT_ID.eq(tenant.value()))
        .and(AUDIT_LOG.RECORDING_ID.eq(recording))
        .orderBy(AUDIT_LOG.AT, AUDIT_LOG.ID)
        .fetch(AuditLog::read);
  }

  /** The tenant's entries in [from, to), newest first. */
  public List<AuditRecord> list(TenantId tenant, Instant from, Instant to, int limit) {
    return dsl.selectFrom(AUDIT_LOG)
        .where(AUDIT_LOG.TENANT_ID.eq(tenant.value()))
        .and(AUDIT_LOG.AT.ge(from.atOffset(ZoneOffset.UTC)))
        .and(AUDIT_LOG.AT.lt(to.atOffset(ZoneOffset.UTC)))
        .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
        .limit(limit)
        .fetch(AuditLog::read);
  }

  private long insert(UUID tenant, AuditEntry e) {
    return dsl.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.TENANT_ID, tenant)
        .set(AUDIT_LOG.AT, e.at().atOffset(ZoneOffset.UTC))
        .set(AUDIT_LOG.ACTOR_LOGIN_ID, e.actorLogin().orElse(null))
        .set(AUDIT_LOG.ACTOR, e.actor())
        .set(AUDIT_LOG.ACTION, e.action())
        .set(AUDIT_LOG.RECORDING_ID, e.recording().orElse(null))
        .set(AUDIT_LOG.SUBJECT_TYPE, e.subjectType().orElse(null))
        .set(AUDIT_LOG.SUBJECT_ID, e.subjectId().orElse(null))
        .set(AUDIT_LOG.DETAILS, json(e.details()))
        .returningResult(AUDIT_LOG.ID)
        .fetchSingle(AUDIT_LOG.ID);
  }

  private static AuditRecord read(AuditLogRecord r) {
    AuditEntry entry =
        new AuditEntry(
            r.getAt().toInstant(),
            Optional.ofNullable(r.getActorLoginId()),
            r.getActor(),
            r.getAction(),
            Optional.ofNullable(r.getRecordingId()),
            Optional.ofNullable(r.getSubjectType()),
            Optional.ofNullable(r.getSubjectId()),
            details(r.getDetails()));
    return new AuditRecord(
        r.getId(), Optional.ofNullable(r.getTenantId()).map(TenantId::new), entry);
  }

  private static JSONB json(Map<String, Object> details) {
    try {
      return JSONB.valueOf(JSON.writeValueAsString(details));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details must be plain JSON values", e);
    }
  }

  private static Map<String, Object> details(JSONB json) {
    try {
      return JSON.readValue(json.data(), MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored audit details are not JSON", e);
    }
  }
}
