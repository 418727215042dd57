package se.vittne.storage.recording;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vittne.policy.Direction;
import se.vittne.policy.number.PhoneNumber;

/**
 * The filters of R-51; empty sets and empty optionals mean "any". Build with {@link #builder}.
 *
 * @param period the start-time interval (required)
 * @param timeOfDayFrom calls starting at or after this local time of day
 * @param timeOfDayTo calls starting before this local time of day
 * @param officeHours inside or outside the tenant's office hours
 * @param limit the most rows returned; 0 for no limit (default 1000)
 * @param extension the recorded extension
 * @param departments, districts, costCentres, offices the recorded user's organisation
 * @param remoteNumberPrefix the other party's number, or its beginning
 * @param ddi the direct number dialled
 * @param minDuration, maxDuration the recording's length
 * @param directions incoming, outgoing, internal
 * @param tag a call tag, matched case-insensitively within the tag
 * @param flags the flags (NONE for no flag)
 * @param evaluated evaluated or not
 * @param sort the order of the rows
 */
public record RecordingQuery(
    SearchPeriod.Interval period,
    Optional<LocalTime> timeOfDayFrom,
    Optional<LocalTime> timeOfDayTo,
    OfficeHoursFilter officeHours,
    int limit,
    Optional<String> extension,
    Set<UUID> departments,
    Set<UUID> districts,
    Set<UUID> costCentres,
    Set<UUID> offices,
    Optional<String> remoteNumberPrefix,
    Optional<PhoneNumber> ddi,
    Optional<Duration> minDuration,
    Optional<Duration> maxDuration,
    Set<Direction> directions,
    Optional<String> tag,
    Set<Flag> flags,
    Optional<Boolean> evaluated,
    Sort sort) {
  public static final int DEFAULT_LIMIT = 1000;

  /** Inside, outside or regardless of the tenant's office hours. */
  public enum OfficeHoursFilter {
    ANY,
    INSIDE,
    OUTSIDE
  }

  /** The columns the list can be sorted by, each ascending or descending. */
  public record Sort(Column column, boolean descending) {
    public static final Sort NEWEST_FIRST = new Sort(Column.START, true);

    public enum Column {
      START,
      DURATION,
      EXTENSION,
      REMOTE_NUMBER
    }
  }

  public RecordingQuery {
    Objects.requireNonNull(period, "period");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (none) or positive");
    }
    departments = Set.copyOf(departments);
    districts = Set.copyOf(districts);
    costCentres = Set.copyOf(costCentres);
    offices = Set.copyOf(offices);
    directions = Set.copyOf(directions);
    flags = Set.copyOf(flags);
    Objects.requireNonNull(officeHours, "officeHours");
    Objects.requireNonNull(sort, "sort");
  }

  public static RecordingQueryBuilder builder(SearchPeriod.Interval period) {
    return new RecordingQueryBuilder(period);
  }
}
