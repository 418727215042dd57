package se.vittne.storage.licence;

import static se.vittne.storage.jooq.Tables.LICENCE_LEASE;
import static se.vittne.storage.jooq.Tables.LICENCE_REFUSAL;
import static se.vittne.storage.jooq.Tables.TENANT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.LicenceLeaseRecord;

/**
 * Takes, renews and returns licences. {@link #acquire} locks the tenant's row for the length of one
 * short transaction, so concurrent requests on any number of nodes can never exceed the count.
 */
public final class LicenceLeases {
  private final DSLContext dsl;
  private final Clock clock;

  public LicenceLeases(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /**
   * Takes a licence for {@code holder} if the tenant has one free. Asking again for a holder that
   * already has one renews it. Expired leases of the tenant are cleared first.
   */
  public LeaseResult acquire(
      TenantId tenant, String holder, LeaseKind kind, String node, Duration ttl) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(node, "node");
    Instant now = clock.instant();
    OffsetDateTime nowUtc = now.atOffset(ZoneOffset.UTC);
    OffsetDateTime expires = now.plus(ttl).atOffset(ZoneOffset.UTC);
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      var owner =
          tx.select(TENANT.LICENCE_COUNT, TENANT.ACTIVE)
              .from(TENANT)
              .where(TENANT.ID.eq(tenant.value()))
              .forUpdate()
              .fetchOptional();
      if (owner.isEmpty() || !owner.get().value2()) {
        return new LeaseResult.Refused(0, 0, "the tenant is unknown or inactive");
      }
      int count = owner.get().value1();
      tx.deleteFrom(LICENCE_LEASE)
          .where(LICENCE_LEASE.TENANT_ID.eq(tenant.value()))
          .and(LICENCE_LEASE.EXPIRES_AT.le(nowUtc))
          .execute();
      LicenceLeaseRecord held =
          tx.selectFrom(LICENCE_LEASE)
              .where(LICENCE_LEASE.TENANT_ID.eq(tenant.value()))
              .and(LICENCE_LEASE.HOLDER.eq(holder))
              .fetchOne();
      if (held != null) {
        held.setExpiresAt(expires);
        held.store();
        return new LeaseResult.Granted(lease(held));
      }
      int inUse = tx.fetchCount(LICENCE_LEASE, LICENCE_LEASE.TENANT_ID.eq(tenant.value()));
      if (inUse >= count) {
        countRefusal(tx, tenant, kind, nowUtc);
        return new LeaseResult.Refused(count, inUse, "all " + count + " licences are in use");
      }
      LicenceLeaseRecord row = tx.newRecord(LICENCE_LEASE);
      row.setTenantId(tenant.value());
      row.setHolder(holder);
      row.setKind(kind.name());
      row.setNode(node);
      row.setAcquiredAt(nowUtc);
      row.setExpiresAt(expires);
      row.insert();
      return new LeaseResult.Granted(lease(row));
    });
  }

  private static void countRefusal(
      DSLContext tx, TenantId tenant, LeaseKind kind, OffsetDateTime at) {
    tx.insertInto(LICENCE_REFUSAL)
        .set(LICENCE_REFUSAL.TENANT_ID, tenant.value())
        .set(LICENCE_REFUSAL.KIND, kind.name())
        .set(LICENCE_REFUSAL.REFUSALS, 1L)
        .set(LICENCE_REFUSAL.LAST_AT, at)
        .onConflict(LICENCE_REFUSAL.TENANT_ID, LICENCE_REFUSAL.KIND)
        .doUpdate()
        .set(LICENCE_REFUSAL.REFUSALS, LICENCE_REFUSAL.REFUSALS.plus(1))
        .set(LICENCE_REFUSAL.LAST_AT, at)
        .execute();
  }

  /** Extends a held lease (a heartbeat); false when it is no longer held. */
  public boolean renew(TenantId tenant, String holder, Duration ttl) {
    Instant now = clock.instant();
    return dsl.update(LICENCE_LEASE)
            .set(LICENCE_LEASE.EXPIRES_AT, now.plus(ttl).atOffset(ZoneOffset.UTC))
            .where(LICENCE_LEASE.TENANT_ID.eq(tenant.value()))
            .and(LICENCE_LEASE.HOLDER.eq(holder))
            .and(LICENCE_LEASE.EXPIRES_AT.gt(now.atOffset(ZoneOffset.UTC)))
            .execute()
        == 1;
  }

  /** Returns a licence; false when it was not held. */
  public boolean release(TenantId tenant, String holder) {
    return dsl.deleteFrom(LICENCE_LEASE)
            .where(LICENCE_LEASE.TENANT_ID.eq(tenant.value()))
            .and(LICENCE_LEASE.HOLDER.eq(holder))
            .execute()
        == 1;
  }

  /** The tenant's current use and refusals. */
  public LicenceUsage usage(TenantId tenant) {
    var live =
        LICENCE_LEASE
            .TENANT_ID
            .eq(tenant.value())
            .and(LICENCE_LEASE.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)));
    int count =
        dsl.select(TENANT.LICENCE_COUNT)
            .from(TENANT)
            .where(TENANT.ID.eq(tenant.value()))
            .fetchOptional(TENANT.LICENCE_COUNT)
            .orElse(0);
    int recordings =
        dsl.fetchCount(LICENCE_LEASE, live.and(LICENCE_LEASE.KIND.eq(LeaseKind.RECORDING.name())));
    int listening =
        dsl.fetchCount(LICENCE_LEASE, live.and(LICENCE_LEASE.KIND.eq(LeaseKind.LISTENING.name())));
    return new LicenceUsage(
        count,
        recordings,
        listening,
        refusals(tenant, LeaseKind.RECORDING),
        refusals(tenant, LeaseKind.LISTENING));
  }

  private long refusals(TenantId tenant, LeaseKind kind) {
    return dsl.select(LICENCE_REFUSAL.REFUSALS)
        .from(LICENCE_REFUSAL)
        .where(LICENCE_REFUSAL.TENANT_ID.eq(tenant.value()))
        .and(LICENCE_REFUSAL.KIND.eq(kind.name()))
        .fetchOptional(LICENCE_REFUSAL.REFUSALS)
        .orElse(0L);
  }

  @AcrossTenants("a node's heartbeat covers all the leases it holds, of every tenant")
  public int renewNode(String node, Duration ttl) {
    Instant now = clock.instant();
    return dsl.update(LICENCE_LEASE)
        .set(LICENCE_LEASE.EXPIRES_AT, now.plus(ttl).atOffset(ZoneOffset.UTC))
        .where(LICENCE_LEASE.NODE.eq(node))
        .and(LICENCE_LEASE.EXPIRES_AT.gt(now.atOffset(ZoneOffset.UTC)))
        .execute();
  }

  @AcrossTenants("a restarting node drops what its previous life held, for every tenant")
  public int releaseNode(String node) {
    return dsl.deleteFrom(LICENCE_LEASE).where(LICENCE_LEASE.NODE.eq(node)).execute();
  }

  @AcrossTenants("housekeeping of dead nodes' leases across the installation")
  public int expireStale() {
    return dsl.deleteFrom(LICENCE_LEASE)
        .where(LICENCE_LEASE.EXPIRES_AT.le(clock.instant().atOffset(ZoneOffset.UTC)))
        .execute();
  }

  private static Lease lease(LicenceLeaseRecord r) {
    return new Lease(
        new TenantId(r.getTenantId()),
        r.getHolder(),
        LeaseKind.valueOf(r.getKind()),
        r.getNode(),
        r.getAcquiredAt().toInstant(),
        r.getExpiresAt().toInstant());
  }
}
