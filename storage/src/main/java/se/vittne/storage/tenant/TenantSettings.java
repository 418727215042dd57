package se.vittne.storage.tenant;

import java.time.ZoneId;
import java.util.Objects;
import se.vittne.policy.number.NumberingPlan;

/**
 * A tenant's settings. Pausing and the announcement are part of the recording policy
 * ({@link se.vittne.policy.RecordingPolicy}), versioned with it, so they are not repeated here.
 *
 * @param name the company's name
 * @param licenceCount simultaneous recordings plus listening sessions allowed
 * @param countryCode the country calling code of the tenant's numbering plan, e.g. "46"
 * @param timeZone the zone for "today", time-of-day and office-hours filters
 * @param retentionDays how long new recordings are kept (R-60, default 90)
 * @param keepDtmfDigits whether DTMF digits may be kept with a recording (off: they may be card
 *     numbers or codes)
 * @param officeHours when the office is open
 * @param active whether the tenant may record and log in
 */
public record TenantSettings(
    String name,
    int licenceCount,
    String countryCode,
    ZoneId timeZone,
    int retentionDays,
    boolean keepDtmfDigits,
    OfficeHours officeHours,
    boolean active) {
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Stockholm");
  public static final int DEFAULT_RETENTION_DAYS = 90;

  public TenantSettings {
    Objects.requireNonNull(name, "name");
    if (licenceCount < 0) {
      throw new IllegalArgumentException("licence count must not be negative");
    }
    NumberingPlan.forCountryCode(countryCode);
    Objects.requireNonNull(timeZone, "timeZone");
    if (retentionDays < 1) {
      throw new IllegalArgumentException("retention must be at least one day");
    }
    Objects.requireNonNull(officeHours, "officeHours");
  }

  /** A new tenant in Sweden with the defaults of the user guide. */
  public static TenantSettings defaults(String name, int licenceCount) {
    return new TenantSettings(
        name,
        licenceCount,
        "46",
        DEFAULT_TIME_ZONE,
        DEFAULT_RETENTION_DAYS,
        false,
        OfficeHours.WEEKDAYS_8_TO_17,
        true);
  }

  /** How numbers written without a country code are read for this tenant. */
  public NumberingPlan numberingPlan() {
    return NumberingPlan.forCountryCode(countryCode);
  }
}
