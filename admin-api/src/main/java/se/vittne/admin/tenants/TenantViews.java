package se.vittne.admin.tenants;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import se.vittne.storage.licence.LicenceUsage;
import se.vittne.storage.tenant.Tenant;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.trunk.Trunk;

/** The bodies of the tenant, licence and trunk endpoints. */
public final class TenantViews {
  private TenantViews() {}

  /**
   * When the tenant's office is open, local time.
   *
   * @param opens "08:00"
   * @param closes "17:00"
   * @param days the open days
   */
  public record OfficeHoursView(String opens, String closes, List<DayOfWeek> days) {}

  /**
   * A tenant's settings as written by an operator. Left out: country code 46, Europe/Stockholm, 90
   * days' retention, no DTMF digits kept, weekdays 08:00-17:00, active.
   */
  public record TenantInput(
      String name,
      Integer licenceCount,
      String countryCode,
      String timeZone,
      Integer retentionDays,
      Boolean keepDtmfDigits,
      OfficeHoursView officeHours,
      Boolean active) {}

  /** A tenant. */
  public record TenantView(
      UUID id,
      String name,
      int licenceCount,
      String countryCode,
      String timeZone,
      int retentionDays,
      boolean keepDtmfDigits,
      OfficeHoursView officeHours,
      boolean active) {
    static TenantView of(Tenant t) {
      return of(t.id().value(), t.settings());
    }

    static TenantView of(UUID id, TenantSettings s) {
      return new TenantView(
          id,
          s.name(),
          s.licenceCount(),
          s.countryCode(),
          s.timeZone().getId(),
          s.retentionDays(),
          s.keepDtmfDigits(),
          new OfficeHoursView(
              s.officeHours().opens().toString(),
              s.officeHours().closes().toString(),
              s.officeHours().days().stream().sorted().toList()),
          s.active());
    }
  }

  /** Change only the licence count. */
  public record LicenceCount(Integer licenceCount) {}

  /** A tenant's licences and their use. */
  public record LicenceUsageView(
      int licenceCount,
      int inUse,
      int recordings,
      int listening,
      long refusedRecordings,
      long refusedListening) {
    static LicenceUsageView of(LicenceUsage u) {
      return new LicenceUsageView(
          u.licenceCount(),
          u.inUse(),
          u.recordings(),
          u.listening(),
          u.refusedRecordings(),
          u.refusedListening());
    }
  }

  /**
   * SIP digest credentials as written: the password is turned into the RFC 7616 HA1 hash and never
   * stored or shown.
   */
  public record DigestInput(String realm, String username, String password) {}

  /** Digest credentials as shown: no password, no hash. */
  public record DigestView(String realm, String username) {}

  /**
   * A PBX trunk as written. Leaving out {@code digest} removes the credentials.
   *
   * @param sources the networks its SIP comes from, in CIDR form ("192.0.2.10/32")
   */
  public record TrunkInput(
      String name, List<String> sources, DigestInput digest, String tlsIdentity, Boolean enabled) {}

  /** A PBX trunk. */
  public record TrunkView(
      UUID id,
      UUID tenantId,
      String name,
      List<String> sources,
      DigestView digest,
      String tlsIdentity,
      boolean enabled) {
    static TrunkView of(Trunk t) {
      return new TrunkView(
          t.id(),
          t.tenant().value(),
          t.name(),
          t.sources(),
          t.digest().map(d -> new DigestView(d.realm(), d.username())).orElse(null),
          t.tlsIdentity().orElse(null),
          t.enabled());
    }
  }
}
