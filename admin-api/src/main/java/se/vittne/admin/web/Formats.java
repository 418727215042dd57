package se.vittne.admin.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the pages write durations, times and missing values. */
public final class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Formats() {}

  /** 00:01:05 for 65 seconds. */
  public static String duration(long millis) {
    long seconds = Math.round(millis / 1000.0);
    return String.format(
        java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** The value, or an empty string. */
  public static String or(Optional<String> value) {
    return value.orElse("");
  }

  public static String dateTime(Instant at, ZoneId zone) {
    return DATE_TIME.format(at.atZone(zone));
  }

  /** The lower-case word of a constant, as the API's query parameters spell it. */
  public static String word(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
