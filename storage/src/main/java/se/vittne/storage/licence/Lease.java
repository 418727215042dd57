package se.vittne.storage.licence;

import java.time.Instant;
import se.vittne.policy.TenantId;

/**
 * One licence in use.
 *
 * @param tenant whose licence
 * @param holder what holds it: a recording session's or a player's ID, unique within the tenant
 * @param kind recording or listening
 * @param node the node that holds it
 * @param acquiredAt when it was taken
 * @param expiresAt when it lapses unless renewed
 */
public record Lease(
    TenantId tenant,
    String holder,
    LeaseKind kind,
    String node,
    Instant acquiredAt,
    Instant expiresAt) {}
