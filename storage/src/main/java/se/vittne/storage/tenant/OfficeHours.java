package se.vittne.storage.tenant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the tenant's office is open, in its own time zone: the "office hours / outside office hours"
 * filter of R-51.
 *
 * @param opens the local time the office opens
 * @param closes the local time it closes (after {@code opens})
 * @param days the days it is open
 */
public record OfficeHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
  public static final OfficeHours WEEKDAYS_8_TO_17 =
      new OfficeHours(
          LocalTime.of(8, 0),
          LocalTime.of(17, 0),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  public OfficeHours {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (!closes.isAfter(opens)) {
      throw new IllegalArgumentException("the office must close after it opens");
    }
    days = Set.copyOf(days);
  }
}
