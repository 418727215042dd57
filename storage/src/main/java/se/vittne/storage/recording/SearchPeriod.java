package se.vittne.storage.recording;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The named periods of R-51, resolved in the tenant's time zone. */
public enum SearchPeriod {
  TODAY,
  YESTERDAY,
  THIS_WEEK,
  LAST_WEEK,
  LAST_SEVEN_DAYS,
  THIS_MONTH,
  LAST_MONTH;

  /** The half-open interval [from, to) this period means now, in {@code zone}. */
  public Interval resolve(Clock clock, ZoneId zone) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstOfMonth = today.withDayOfMonth(1);
    return switch (this) {
      case TODAY -> Interval.days(today, today.plusDays(1), zone);
      case YESTERDAY -> Interval.days(today.minusDays(1), today, zone);
      case THIS_WEEK -> Interval.days(monday, monday.plusWeeks(1), zone);
      case LAST_WEEK -> Interval.days(monday.minusWeeks(1), monday, zone);
      case LAST_SEVEN_DAYS -> Interval.days(today.minusDays(6), today.plusDays(1), zone);
      case THIS_MONTH -> Interval.days(firstOfMonth, firstOfMonth.plusMonths(1), zone);
      case LAST_MONTH -> Interval.days(firstOfMonth.minusMonths(1), firstOfMonth, zone);
    };
  }

  /** A half-open interval of instants, [from, to). */
  public record Interval(Instant from, Instant to) {
    public Interval {
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("an interval must end after it starts");
      }
    }

    /** From the start of {@code first} to the start of {@code end}, local days in {@code zone}. */
    public static Interval days(LocalDate first, LocalDate end, ZoneId zone) {
      return new Interval(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }
  }
}
