package se.vittne.storage.recording;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vittne.policy.Direction;
import se.vittne.policy.number.PhoneNumber;

/** Builds a {@link RecordingQuery}; everything not set is "any". */
public final class RecordingQueryBuilder {
  private final SearchPeriod.Interval period;
  private LocalTime timeOfDayFrom;
  private LocalTime timeOfDayTo;
  private RecordingQuery.OfficeHoursFilter officeHours = RecordingQuery.OfficeHoursFilter.ANY;
  private int limit = RecordingQuery.DEFAULT_LIMIT;
  private String extension;
  private final Set<UUID> departments = new HashSet<>();
  private final Set<UUID> districts = new HashSet<>();
  private final Set<UUID> costCentres = new HashSet<>();
  private final Set<UUID> offices = new HashSet<>();
  private String remoteNumberPrefix;
  private PhoneNumber ddi;
  private Duration minDuration;
  private Duration maxDuration;
  private final Set<Direction> directions = EnumSet.noneOf(Direction.class);
  private String tag;
  private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
  private Boolean evaluated;
  private RecordingQuery.Sort sort = RecordingQuery.Sort.NEWEST_FIRST;

  RecordingQueryBuilder(SearchPeriod.Interval period) {
    this.period = period;
  }

  public RecordingQueryBuilder timeOfDay(LocalTime from, LocalTime to) {
    this.timeOfDayFrom = from;
    this.timeOfDayTo = to;
    return this;
  }

  public RecordingQueryBuilder officeHours(RecordingQuery.OfficeHoursFilter filter) {
    this.officeHours = filter;
    return this;
  }

  public RecordingQueryBuilder limit(int limit) {
    this.limit = limit;
    return this;
  }

  public RecordingQueryBuilder extension(String extension) {
    this.extension = extension;
    return this;
  }

  public RecordingQueryBuilder departments(Set<UUID> ids) {
    departments.addAll(ids);
    return this;
  }

  public RecordingQueryBuilder districts(Set<UUID> ids) {
    districts.addAll(ids);
    return this;
  }

  public RecordingQueryBuilder costCentres(Set<UUID> ids) {
    costCentres.addAll(ids);
    return this;
  }

  public RecordingQueryBuilder offices(Set<UUID> ids) {
    offices.addAll(ids);
    return this;
  }

  public RecordingQueryBuilder remoteNumberPrefix(String prefix) {
    this.remoteNumberPrefix = prefix;
    return this;
  }

  public RecordingQueryBuilder ddi(PhoneNumber ddi) {
    this.ddi = ddi;
    return this;
  }

  public RecordingQueryBuilder duration(Duration min, Duration max) {
    this.minDuration = min;
    this.maxDuration = max;
    return this;
  }

  public RecordingQueryBuilder directions(Set<Direction> values) {
    directions.addAll(values);
    return this;
  }

  public RecordingQueryBuilder tag(String tag) {
    this.tag = tag;
    return this;
  }

  public RecordingQueryBuilder flags(Set<Flag> values) {
    flags.addAll(values);
    return this;
  }

  public RecordingQueryBuilder evaluated(boolean evaluated) {
    this.evaluated = evaluated;
    return this;
  }

  public RecordingQueryBuilder sort(RecordingQuery.Sort sort) {
    this.sort = sort;
    return this;
  }

  public RecordingQuery build() {
    return new RecordingQuery(
        period,
        Optional.ofNullable(timeOfDayFrom),
        Optional.ofNullable(timeOfDayTo),
        officeHours,
        limit,
        Optional.ofNullable(extension),
        departments,
        districts,
        costCentres,
        offices,
        Optional.ofNullable(remoteNumberPrefix),
        Optional.ofNullable(ddi),
        Optional.ofNullable(minDuration),
        Optional.ofNullable(maxDuration),
        directions,
        Optional.ofNullable(tag),
        flags,
        Optional.ofNullable(evaluated),
        sort);
  }
}
