package se.vittne.admin.recordings;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.Routes;
import se.vittne.policy.Direction;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.recording.Flag;
import se.vittne.storage.recording.RecordingQuery;
import se.vittne.storage.recording.RecordingQueryBuilder;
import se.vittne.storage.recording.SearchPeriod;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Reads the filters of R-51 from query parameters (or from the same names in a JSON object, for a
 * deletion by filter) into a {@link RecordingQuery}. Every parameter is checked, and every problem
 * is reported at once as a 400 naming the parameter; an unknown parameter is refused too, so that a
 * misspelt filter never silently widens a search, or a deletion.
 *
 * <p>Dates and times of day are the tenant's local ones. A parameter given twice, or as a
 * comma-separated list, means "any of these" where the filter takes several values.
 */
public final class RecordingFilters {
  /** The named periods; "custom" takes {@code from} and {@code to}. */
  public enum Period {
    TODAY,
    YESTERDAY,
    THIS_WEEK,
    LAST_WEEK,
    LAST_SEVEN_DAYS,
    THIS_MONTH,
    LAST_MONTH,
    CUSTOM
  }

  /** The columns the list can be sorted by. */
  public enum SortColumn {
    START,
    DURATION,
    EXTENSION,
    REMOTE_NUMBER
  }

  /**
   * A parameter: its name, type for the API description, and what it does.
   *
   * @param name the query parameter
   * @param type its type in the OpenAPI document
   * @param description what it filters
   */
  public record Parameter(String name, Class<?> type, String description) {}

  /** Every filter parameter, in the order the API description lists them. */
  public static final List<Parameter> PARAMETERS =
      List.of(
          new Parameter(
              "period",
              String.class,
              "today (default), yesterday, this-week, last-week, last-seven-days, this-month,"
                  + " last-month or custom"),
          new Parameter(
              "from",
              String.class,
              "custom period: first day (2026-11-01, inclusive) or local date-time"
                  + " (2026-11-01T08:00)"),
          new Parameter(
              "to",
              String.class,
              "custom period: last day (inclusive) or local date-time (exclusive); default: today"),
          new Parameter(
              "timeFrom", String.class, "calls starting at or after this time of day (08:00)"),
          new Parameter("timeTo", String.class, "calls starting before this time of day (17:00)"),
          new Parameter("officeHours", String.class, "inside, outside or any (default)"),
          new Parameter(
              "limit", Integer.class, "the most rows: default 1000, 0 for no limit (streamed)"),
          new Parameter("extension", String.class, "the recorded extension"),
          new Parameter("department", UUID.class, "the recorded user's department (repeatable)"),
          new Parameter("district", UUID.class, "the recorded user's district (repeatable)"),
          new Parameter("costCentre", UUID.class, "the recorded user's cost centre (repeatable)"),
          new Parameter("office", UUID.class, "the recorded user's office (repeatable)"),
          new Parameter(
              "remoteNumber",
              String.class,
              "the other party's number or its beginning; 07... and 0046... are read as +467..."),
          new Parameter("ddi", String.class, "the direct number dialled"),
          new Parameter("minDuration", Integer.class, "at least this many seconds long"),
          new Parameter("maxDuration", Integer.class, "at most this many seconds long"),
          new Parameter("direction", String.class, "incoming, outgoing or internal (repeatable)"),
          new Parameter("tag", String.class, "call tag containing this text, any case"),
          new Parameter("flag", String.class, "none, red, green or blue (repeatable)"),
          new Parameter("evaluated", Boolean.class, "true: evaluated only; false: not evaluated"),
          new Parameter(
              "sort", String.class, "start (default), duration, extension or remoteNumber"),
          new Parameter("order", String.class, "desc (default) or asc"));

  private static final Set<String> NAMES =
      PARAMETERS.stream().map(Parameter::name).collect(java.util.stream.Collectors.toSet());
  private static final Pattern NUMBER_PREFIX = Pattern.compile("\\+?[0-9]{1,20}");
  private static final int MAX_TEXT = 200;

  private final Map<String, List<String>> values;
  private final List<FieldError> errors = new ArrayList<>();

  private RecordingFilters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Documents every filter on a route. */
  public static Routes.Spec document(Routes.Spec spec) {
    for (Parameter p : PARAMETERS) {
      spec.query(p.name(), p.type(), p.description());
    }
    return spec;
  }

  /**
   * The query the parameters describe.
   *
   * @param values each parameter's values, as given
   * @param settings the tenant's zone, office hours and numbering plan
   * @param clock what "today" is
   * @param defaultLimit the limit when none is given
   * @throws InvalidQuery naming every parameter that is wrong
   */
  public static RecordingQuery parse(
      Map<String, List<String>> values, TenantSettings settings, Clock clock, int defaultLimit) {
    return new RecordingFilters(values).read(settings, clock, defaultLimit);
  }

  private RecordingQuery read(TenantSettings settings, Clock clock, int defaultLimit) {
    for (String name : values.keySet()) {
      if (!NAMES.contains(name)) {
        error(name, "unknown-parameter", "Unknown query parameter '" + name + "'.");
      }
    }
    ZoneId zone = settings.timeZone();
    SearchPeriod.Interval period = period(clock, zone);
    RecordingQueryBuilder query =
        RecordingQuery.builder(period != null ? period : SearchPeriod.TODAY.resolve(clock, zone));
    timeOfDay(query);
    one("officeHours")
        .ifPresent(v ->
            constant("officeHours", v, RecordingQuery.OfficeHoursFilter.class)
                .ifPresent(query::officeHours));
    query.limit(integer("limit", 0, Integer.MAX_VALUE).orElse(defaultLimit));
    text("extension", 64).ifPresent(query::extension);
    query.departments(ids("department"));
    query.districts(ids("district"));
    query.costCentres(ids("costCentre"));
    query.offices(ids("office"));
    remoteNumber(settings.numberingPlan()).ifPresent(query::remoteNumberPrefix);
    one("ddi")
        .ifPresent(v -> {
          Optional<PhoneNumber> ddi = PhoneNumber.tryParse(v, settings.numberingPlan());
          if (ddi.isEmpty()) {
            error("ddi", "not-a-number", "ddi is not a phone number.");
          }
          ddi.ifPresent(query::ddi);
        });
    duration(query);
    query.directions(constants("direction", Direction.class));
    text("tag", MAX_TEXT).ifPresent(query::tag);
    query.flags(constants("flag", Flag.class));
    one("evaluated").ifPresent(v -> bool("evaluated", v).ifPresent(query::evaluated));
    query.sort(sort());
    if (!errors.isEmpty()) {
      throw new InvalidQuery(errors);
    }
    return query.build();
  }

  private SearchPeriod.Interval period(Clock clock, ZoneId zone) {
    Optional<Period> named = one("period").flatMap(v -> constant("period", v, Period.class));
    boolean custom = one("from").isPresent() || one("to").isPresent();
    Period period = named.orElse(custom ? Period.CUSTOM : Period.TODAY);
    if (period != Period.CUSTOM) {
      if (custom) {
        error("period", "period-conflict", "from and to need period=custom.");
      }
      return SearchPeriod.valueOf(period.name()).resolve(clock, zone);
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Optional<LocalDateTime> from = dateTime("from", false);
    Optional<LocalDateTime> to = dateTime("to", true);
    if (one("from").isEmpty()) {
      error("from", "required", "A custom period needs from.");
      return null;
    }
    if (from.isEmpty() || (one("to").isPresent() && to.isEmpty())) {
      return null;
    }
    LocalDateTime end = to.orElse(today.plusDays(1).atStartOfDay());
    if (!end.isAfter(from.get())) {
      error("to", "before-from", "to must be after from.");
      return null;
    }
    return new SearchPeriod.Interval(
        from.get().atZone(zone).toInstant(), end.atZone(zone).toInstant());
  }

  /** A date (a whole day; the end day is included) or a local date-time. */
  private Optional<LocalDateTime> dateTime(String name, boolean end) {
    Optional<String> value = one(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (value.get().length() <= 10) {
        LocalDate day = LocalDate.parse(value.get());
        return Optional.of((end ? day.plusDays(1) : day).atStartOfDay());
      }
      return Optional.of(LocalDateTime.parse(value.get()));
    } catch (DateTimeException e) {
      error(
          name,
          "not-a-date",
          name + " must be a date (2026-11-28) or a date-time (2026-11-28T08:00).");
      return Optional.empty();
    }
  }

  private void timeOfDay(RecordingQueryBuilder query) {
    Optional<LocalTime> from = time("timeFrom");
    Optional<LocalTime> to = time("timeTo");
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      error("timeTo", "before-time-from", "timeTo must be after timeFrom.");
    }
    if (from.isPresent() || to.isPresent()) {
      query.timeOfDay(from.orElse(null), to.orElse(null));
    }
  }

  private Optional<LocalTime> time(String name) {
    return one(name)
        .flatMap(v -> {
          try {
            return Optional.of(LocalTime.parse(v));
          } catch (DateTimeException e) {
            error(name, "not-a-time", name + " must be a time of day such as 08:00.");
            return Optional.empty();
          }
        });
  }

  private void duration(RecordingQueryBuilder query) {
    Optional<Integer> min = integer("minDuration", 0, 7 * 24 * 3600);
    Optional<Integer> max = integer("maxDuration", 0, 7 * 24 * 3600);
    if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
      error("maxDuration", "below-min-duration", "maxDuration must not be below minDuration.");
    }
    if (min.isPresent() || max.isPresent()) {
      query.duration(
          min.map(Duration::ofSeconds).orElse(null), max.map(Duration::ofSeconds).orElse(null));
    }
  }

  /**
   * The beginning of a number as stored: E.164 when it can be read as one. A prefix cannot be
   * parsed as a whole number, so the numbering plan's prefixes are rewritten by hand.
   */
  private Optional<String> remoteNumber(NumberingPlan plan) {
    Optional<String> raw = text("remoteNumber", 64).map(v -> v.replaceAll("[\\s()\\-]", ""));
    if (raw.isEmpty()) {
      return raw;
    }
    String number = raw.get();
    if (!NUMBER_PREFIX.matcher(number).matches()) {
      error("remoteNumber", "not-a-number", "remoteNumber must be digits, optionally after +.");
      return Optional.empty();
    }
    if (number.startsWith(plan.internationalPrefix())) {
      return Optional.of("+" + number.substring(plan.internationalPrefix().length()));
    }
    if (!plan.trunkPrefix().isEmpty()
        && number.startsWith(plan.trunkPrefix())
        && number.length() > plan.trunkPrefix().length()) {
      return Optional.of("+" + plan.countryCode() + number.substring(plan.trunkPrefix().length()));
    }
    return Optional.of(number);
  }

  private RecordingQuery.Sort sort() {
    SortColumn column =
        one("sort").flatMap(v -> constant("sort", v, SortColumn.class)).orElse(SortColumn.START);
    boolean descending =
        one("order")
            .map(v ->
                switch (v.toLowerCase(Locale.ROOT)) {
                  case "asc" -> false;
                  case "desc" -> true;
                  default -> {
                    error("order", "invalid-value", "order must be asc or desc.");
                    yield true;
                  }
                })
            .orElse(true);
    return new RecordingQuery.Sort(RecordingQuery.Sort.Column.valueOf(column.name()), descending);
  }

  private Optional<String> one(String name) {
    List<String> given =
        values.getOrDefault(name, List.of()).stream()
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .toList();
    if (given.size() > 1) {
      error(name, "repeated", name + " can be given once.");
    }
    return given.stream().findFirst();
  }

  private List<String> many(String name) {
    List<String> all = new ArrayList<>();
    for (String value : values.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          all.add(part.strip());
        }
      }
    }
    return all;
  }

  private Optional<String> text(String name, int max) {
    return one(name)
        .filter(v -> {
          if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            error(name, "invalid-value", name + " must be at most " + max + " plain characters.");
            return false;
          }
          return true;
        });
  }

  private Optional<Integer> integer(String name, int min, int max) {
    return one(name)
        .flatMap(v -> {
          try {
            int value = Integer.parseInt(v);
            if (value >= min && value <= max) {
              return Optional.of(value);
            }
          } catch (NumberFormatException e) {
            // reported below
          }
          error(
              name,
              "out-of-range",
              name
                  + " must be a whole number from "
                  + min
                  + (max == Integer.MAX_VALUE ? " up." : " to " + max + "."));
          return Optional.empty();
        });
  }

  private Optional<Boolean> bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> {
        error(name, "invalid-value", name + " must be true or false.");
        yield Optional.empty();
      }
    };
  }

  private Set<UUID> ids(String name) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (String value : many(name)) {
      try {
        ids.add(UUID.fromString(value));
      } catch (IllegalArgumentException e) {
        error(name, "not-an-id", name + " must be an ID (UUID).");
      }
    }
    return ids;
  }

  private <E extends Enum<E>> Set<E> constants(String name, Class<E> type) {
    Set<E> set = EnumSet.noneOf(type);
    for (String value : many(name)) {
      constant(name, value, type).ifPresent(set::add);
    }
    return set;
  }

  /** A constant by name, ignoring case and reading dashes and camel case as underscores. */
  private <E extends Enum<E>> Optional<E> constant(String name, String value, Class<E> type) {
    String normal =
        value.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normal)) {
        return Optional.of(constant);
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(words(constant));
    }
    error(name, "invalid-value", name + " must be one of " + String.join(", ", allowed) + ".");
    return Optional.empty();
  }

  /** How the API writes a constant: lower case with dashes ("last-seven-days"). */
  public static String words(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private void error(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
  }
}
