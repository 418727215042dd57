package se.vittne.storage.tenant;

import static se.vittne.storage.jooq.Tables.TENANT;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.TenantRecord;

/** Tenants and their settings. Creating and listing tenants are operator functions. */
public final class TenantRepository {
  private final DSLContext dsl;

  public TenantRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Adds a tenant; false when one with this ID exists already (nothing is changed then). */
  public boolean create(TenantId tenant, TenantSettings settings) {
    TenantRecord row = dsl.newRecord(TENANT);
    row.setId(tenant.value());
    write(row, settings);
    return dsl.insertInto(TENANT).set(row).onConflictDoNothing().execute() == 1;
  }

  public Optional<TenantSettings> find(TenantId tenant) {
    return dsl.selectFrom(TENANT)
        .where(TENANT.ID.eq(tenant.value()))
        .fetchOptional()
        .map(TenantRepository::settings);
  }

  /** Replaces the settings; false when the tenant does not exist. */
  public boolean update(TenantId tenant, TenantSettings settings) {
    TenantRecord row = dsl.newRecord(TENANT);
    write(row, settings);
    return dsl.update(TENANT).set(row).where(TENANT.ID.eq(tenant.value())).execute() == 1;
  }

  /** Removes the tenant with everything it owns, except the audit log. */
  public boolean delete(TenantId tenant) {
    return dsl.deleteFrom(TENANT).where(TENANT.ID.eq(tenant.value())).execute() == 1;
  }

  @AcrossTenants("operators list every tenant")
  public List<Tenant> listAll() {
    return dsl.selectFrom(TENANT)
        .orderBy(TENANT.NAME, TENANT.ID)
        .fetch(r -> new Tenant(new TenantId(r.getId()), settings(r)));
  }

  private static void write(TenantRecord row, TenantSettings s) {
    row.setName(s.name());
    row.setLicenceCount(s.licenceCount());
    row.setCountryCode(s.countryCode());
    row.setTimeZone(s.timeZone().getId());
    row.setRetentionDays(s.retentionDays());
    row.setKeepDtmfDigits(s.keepDtmfDigits());
    row.setOfficeOpens(s.officeHours().opens());
    row.setOfficeCloses(s.officeHours().closes());
    row.setOfficeDays(
        s.officeHours().days().stream()
            .sorted()
            .map(d -> (short) d.getValue())
            .toArray(Short[]::new));
    row.setActive(s.active());
  }

  static TenantSettings settings(TenantRecord r) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(r.getOfficeDays()).forEach(d -> days.add(DayOfWeek.of(d)));
    return new TenantSettings(
        r.getName(),
        r.getLicenceCount(),
        r.getCountryCode(),
        ZoneId.of(r.getTimeZone()),
        r.getRetentionDays(),
        r.getKeepDtmfDigits(),
        new OfficeHours(r.getOfficeOpens(), r.getOfficeCloses(), days),
        r.getActive());
  }
}
