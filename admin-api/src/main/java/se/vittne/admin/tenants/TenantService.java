package se.vittne.admin.tenants;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.tenants.TenantViews.OfficeHoursView;
import se.vittne.admin.tenants.TenantViews.TenantInput;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.storage.licence.LicenceLeases;
import se.vittne.storage.licence.LicenceUsage;
import se.vittne.storage.tenant.OfficeHours;
import se.vittne.storage.tenant.Tenant;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/** Tenants and their licences, for operators. */
public final class TenantService {
  static final int MAX_LICENCES = 100_000;

  private final TenantRepository tenants;
  private final LicenceLeases leases;
  private final Auditor auditor;

  public TenantService(DSLContext dsl, Auditor auditor, Clock clock) {
    this.tenants = new TenantRepository(dsl);
    this.leases = new LicenceLeases(dsl, clock);
    this.auditor = auditor;
  }

  public List<Tenant> list() {
    return tenants.listAll();
  }

  public TenantSettings get(TenantId tenant) {
    return tenants.find(tenant).orElseThrow(() -> new ProblemException.NotFound("No such tenant."));
  }

  /** The tenant named by a path parameter; 404 when there is none. */
  public TenantId existing(UUID id) {
    TenantId tenant = new TenantId(id);
    get(tenant);
    return tenant;
  }

  public Tenant create(Principal actor, ClientInfo client, TenantInput input) {
    TenantSettings settings = settings(input);
    TenantId id = new TenantId(UUID.randomUUID());
    tenants.create(id, settings);
    auditor.record(
        Optional.of(id),
        actor,
        client,
        AdminAuditActions.TENANT_CREATED,
        "tenant",
        id,
        Map.of("name", settings.name(), "licenceCount", settings.licenceCount()));
    return new Tenant(id, settings);
  }

  public TenantSettings update(
      Principal actor, ClientInfo client, TenantId tenant, TenantInput input) {
    get(tenant);
    TenantSettings settings = settings(input);
    tenants.update(tenant, settings);
    auditor.record(
        Optional.of(tenant),
        actor,
        client,
        AdminAuditActions.TENANT_UPDATED,
        "tenant",
        tenant,
        Map.of("name", settings.name(), "licenceCount", settings.licenceCount()));
    return settings;
  }

  public void delete(Principal actor, ClientInfo client, TenantId tenant, boolean confirmed) {
    TenantSettings settings = get(tenant);
    if (!confirmed) {
      throw ProblemException.Invalid.of(
          "confirm",
          "confirmation-required",
          "Deleting a tenant erases its directory, logins and recordings: send confirm=true.");
    }
    tenants.delete(tenant);
    auditor.record(
        Optional.empty(),
        actor,
        client,
        AdminAuditActions.TENANT_DELETED,
        "tenant",
        tenant,
        Map.of("name", settings.name()));
  }

  public LicenceUsage usage(TenantId tenant) {
    get(tenant);
    return leases.usage(tenant);
  }

  public LicenceUsage setLicenceCount(
      Principal actor, ClientInfo client, TenantId tenant, Integer count) {
    TenantSettings s = get(tenant);
    Checks checks = new Checks();
    checks.notNull("licenceCount", count);
    if (count != null) {
      checks.range("licenceCount", count, 0, MAX_LICENCES);
    }
    checks.orThrow();
    tenants.update(
        tenant,
        new TenantSettings(
            s.name(),
            count,
            s.countryCode(),
            s.timeZone(),
            s.retentionDays(),
            s.keepDtmfDigits(),
            s.officeHours(),
            s.active()));
    auditor.record(
        Optional.of(tenant),
        actor,
        client,
        AdminAuditActions.TENANT_UPDATED,
        "tenant",
        tenant,
        Map.of("licenceCount", count));
    return leases.usage(tenant);
  }

  static TenantSettings settings(TenantInput input) {
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    int licences = input.licenceCount() == null ? 0 : input.licenceCount();
    checks.range("licenceCount", licences, 0, MAX_LICENCES);
    String country = input.countryCode() == null ? "46" : input.countryCode().strip();
    if (country.startsWith("+")) {
      country = country.substring(1);
    }
    try {
      NumberingPlan.forCountryCode(country);
    } catch (IllegalArgumentException e) {
      checks.add("countryCode", "invalid-value", "countryCode must be a calling code, e.g. 46.");
    }
    ZoneId zone = TenantSettings.DEFAULT_TIME_ZONE;
    if (input.timeZone() != null) {
      try {
        zone = ZoneId.of(input.timeZone().strip());
      } catch (DateTimeException e) {
        checks.add(
            "timeZone", "invalid-value", "timeZone must be a zone such as Europe/Stockholm.");
      }
    }
    int retention =
        input.retentionDays() == null
            ? TenantSettings.DEFAULT_RETENTION_DAYS
            : input.retentionDays();
    checks.range("retentionDays", retention, 1, 36_500);
    OfficeHours hours = officeHours(checks, input.officeHours());
    checks.orThrow();
    return new TenantSettings(
        name,
        licences,
        country,
        zone,
        retention,
        Boolean.TRUE.equals(input.keepDtmfDigits()),
        hours,
        input.active() == null || input.active());
  }

  private static OfficeHours officeHours(Checks checks, OfficeHoursView view) {
    if (view == null) {
      return OfficeHours.WEEKDAYS_8_TO_17;
    }
    LocalTime opens = time(checks, "officeHours.opens", view.opens());
    LocalTime closes = time(checks, "officeHours.closes", view.closes());
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      checks.add("officeHours.closes", "before-opening", "The office must close after it opens.");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (view.days() == null || view.days().isEmpty()) {
      checks.add("officeHours.days", "required", "Choose at least one day.");
    } else {
      view.days().stream().filter(d -> d != null).forEach(days::add);
    }
    if (!checks.ok()) {
      return null;
    }
    return new OfficeHours(opens, closes, days);
  }

  private static LocalTime time(Checks checks, String field, String value) {
    if (value == null) {
      checks.add(field, "required", field + " is required (HH:mm).");
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      checks.add(field, "invalid-value", field + " must be a time such as 08:00.");
      return null;
    }
  }
}
