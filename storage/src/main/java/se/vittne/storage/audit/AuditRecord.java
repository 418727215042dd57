package se.vittne.storage.audit;

import java.util.Optional;
import se.vittne.policy.TenantId;

/**
 * An entry as stored, with its place in the log.
 *
 * @param id its sequence number
 * @param tenant the tenant it belongs to; empty for operator acts across tenants
 * @param entry the entry
 */
public record AuditRecord(long id, Optional<TenantId> tenant, AuditEntry entry) {}
