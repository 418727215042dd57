package se.vittne.storage.trunk;

import static se.vittne.storage.jooq.Tables.PBX_TRUNK;
import static se.vittne.storage.jooq.Tables.PBX_TRUNK_SOURCE;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.PbxTrunkRecord;

/** PBX trunks of tenants, and the per-INVITE lookup of a trunk by the caller's address. */
public final class TrunkRepository {
  private final DSLContext dsl;

  public TrunkRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Adds a trunk to the tenant (the trunk's tenant must be the one given). */
  public Trunk create(TenantId tenant, Trunk trunk) {
    if (!trunk.tenant().equals(tenant)) {
      throw new IllegalArgumentException("the trunk belongs to another tenant");
    }
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      PbxTrunkRecord row = tx.newRecord(PBX_TRUNK);
      row.setId(trunk.id());
      row.setTenantId(tenant.value());
      write(row, trunk);
      row.insert();
      insertSources(tx, tenant, trunk);
    });
    return trunk;
  }

  /** Replaces a trunk's settings and sources; false when the tenant has no such trunk. */
  public boolean update(TenantId tenant, Trunk trunk) {
    if (!trunk.tenant().equals(tenant)) {
      throw new IllegalArgumentException("the trunk belongs to another tenant");
    }
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      PbxTrunkRecord row = tx.newRecord(PBX_TRUNK);
      write(row, trunk);
      int updated =
          tx.update(PBX_TRUNK)
              .set(row)
              .where(PBX_TRUNK.TENANT_ID.eq(tenant.value()))
              .and(PBX_TRUNK.ID.eq(trunk.id()))
              .execute();
      if (updated == 0) {
        return false;
      }
      tx.deleteFrom(PBX_TRUNK_SOURCE)
          .where(PBX_TRUNK_SOURCE.TENANT_ID.eq(tenant.value()))
          .and(PBX_TRUNK_SOURCE.TRUNK_ID.eq(trunk.id()))
          .execute();
      insertSources(tx, tenant, trunk);
      return true;
    });
  }

  public boolean delete(TenantId tenant, UUID id) {
    return dsl.deleteFrom(PBX_TRUNK)
            .where(PBX_TRUNK.TENANT_ID.eq(tenant.value()))
            .and(PBX_TRUNK.ID.eq(id))
            .execute()
        == 1;
  }

  public Optional<Trunk> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(PBX_TRUNK)
        .where(PBX_TRUNK.TENANT_ID.eq(tenant.value()))
        .and(PBX_TRUNK.ID.eq(id))
        .fetchOptional(this::read);
  }

  public List<Trunk> list(TenantId tenant) {
    return dsl.selectFrom(PBX_TRUNK)
        .where(PBX_TRUNK.TENANT_ID.eq(tenant.value()))
        .orderBy(PBX_TRUNK.NAME)
        .fetch(this::read);
  }

  /**
   * The enabled trunk whose networks contain the address, the most specific first: the capture
   * node's check of every INVITE, which also tells it the tenant.
   */
  @AcrossTenants("an INVITE's source address is what tells which tenant the call belongs to")
  public Optional<Trunk> findBySource(InetAddress address) {
    var network = DSL.field("{0}", Object.class, PBX_TRUNK_SOURCE.NETWORK);
    return dsl.select(PBX_TRUNK.fields())
        .from(PBX_TRUNK_SOURCE)
        .join(PBX_TRUNK)
        .on(PBX_TRUNK.ID.eq(PBX_TRUNK_SOURCE.TRUNK_ID))
        .where(DSL.condition("{0} >>= {1}::inet", network, DSL.val(address.getHostAddress())))
        .and(PBX_TRUNK.ENABLED.isTrue())
        .orderBy(DSL.field("masklen({0})", Integer.class, network).desc(), PBX_TRUNK.ID)
        .limit(1)
        .fetchOptional(r -> read(r.into(PBX_TRUNK)));
  }

  private Trunk read(PbxTrunkRecord r) {
    List<String> sources =
        dsl.select(DSL.field("{0}::text", String.class, PBX_TRUNK_SOURCE.NETWORK))
            .from(PBX_TRUNK_SOURCE)
            .where(PBX_TRUNK_SOURCE.TENANT_ID.eq(r.getTenantId()))
            .and(PBX_TRUNK_SOURCE.TRUNK_ID.eq(r.getId()))
            .orderBy(DSL.field("{0}", Object.class, PBX_TRUNK_SOURCE.NETWORK))
            .fetch(0, String.class);
    Optional<Trunk.DigestCredentials> digest =
        r.getDigestHa1() == null
            ? Optional.empty()
            : Optional.of(
                new Trunk.DigestCredentials(
                    r.getDigestRealm(), r.getDigestUsername(), r.getDigestHa1()));
    return new Trunk(
        r.getId(),
        new TenantId(r.getTenantId()),
        r.getName(),
        sources,
        digest,
        Optional.ofNullable(r.getTlsIdentity()),
        r.getEnabled());
  }

  private static void write(PbxTrunkRecord row, Trunk t) {
    row.setName(t.name());
    row.setDigestRealm(t.digest().map(Trunk.DigestCredentials::realm).orElse(null));
    row.setDigestUsername(t.digest().map(Trunk.DigestCredentials::username).orElse(null));
    row.setDigestHa1(t.digest().map(Trunk.DigestCredentials::ha1).orElse(null));
    row.setTlsIdentity(t.tlsIdentity().orElse(null));
    row.setEnabled(t.enabled());
  }

  private static void insertSources(DSLContext tx, TenantId tenant, Trunk trunk) {
    for (String source : trunk.sources()) {
      tx.execute(
          "insert into pbx_trunk_source (tenant_id, trunk_id, network) values (?, ?, ?::cidr)",
          tenant.value(),
          trunk.id(),
          source);
    }
  }
}
