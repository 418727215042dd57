package se.vittne.admin.audit;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.server.ClientInfo;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditEntry;
import se.vittne.storage.audit.AuditLog;

/**
 * Records the admin API's changes in the audit log, each with the acting login, the time and the
 * client's address. {@link #within} records as part of a running transaction, so that an act and
 * its entry commit or roll back together.
 */
public final class Auditor {
  private final DSLContext dsl;
  private final Clock clock;

  public Auditor(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** The same auditor writing through a transaction's context. */
  public Auditor within(DSLContext tx) {
    return new Auditor(tx, clock);
  }

  /**
   * Records an act of a principal on its own tenant (an operator's act on the installation when the
   * principal is an operator).
   */
  public void record(
      Principal actor,
      ClientInfo client,
      String action,
      String subjectType,
      Object subjectId,
      Map<String, ?> details) {
    record(actor.tenant(), actor, client, action, subjectType, subjectId, details);
  }

  /** Records an act on {@code tenant} (an operator changing a tenant is in that tenant's log). */
  public void record(
      Optional<TenantId> tenant,
      Principal actor,
      ClientInfo client,
      String action,
      String subjectType,
      Object subjectId,
      Map<String, ?> details) {
    write(
        tenant,
        Optional.of(actor.login()),
        actor.email(),
        client,
        action,
        subjectType,
        subjectId,
        details);
  }

  /** Records an act of a principal on one of its tenant's recordings: its history. */
  public void recordOnRecording(
      Principal actor, ClientInfo client, String action, UUID recording, Map<String, ?> details) {
    Map<String, Object> all = new HashMap<>(details);
    all.put("address", client.address());
    new AuditLog(dsl)
        .append(
            actor.tenantId(),
            AuditEntry.onRecording(
                clock.instant(),
                Optional.of(actor.login()),
                actor.email(),
                action,
                recording,
                all));
  }

  /** Records an act of someone not logged in (a login attempt, a forgot-password link). */
  public void recordAs(
      Optional<TenantId> tenant,
      Optional<UUID> login,
      String actor,
      ClientInfo client,
      String action,
      String subjectType,
      Object subjectId,
      Map<String, ?> details) {
    write(tenant, login, actor, client, action, subjectType, subjectId, details);
  }

  private void write(
      Optional<TenantId> tenant,
      Optional<UUID> login,
      String actor,
      ClientInfo client,
      String action,
      String subjectType,
      Object subjectId,
      Map<String, ?> details) {
    Map<String, Object> all = new HashMap<>(details);
    all.put("address", client.address());
    AuditEntry entry =
        AuditEntry.onSubject(
            clock.instant(), login, actor, action, subjectType, String.valueOf(subjectId), all);
    AuditLog log = new AuditLog(dsl);
    if (tenant.isPresent()) {
      log.append(tenant.get(), entry);
    } else {
      log.appendOperator(entry);
    }
  }
}
