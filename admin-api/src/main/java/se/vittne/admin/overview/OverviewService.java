package se.vittne.admin.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.recordings.InvalidQuery;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingFilters;
import se.vittne.admin.server.FieldError;
import se.vittne.policy.Direction;
import se.vittne.storage.recording.CallCountRepository;
import se.vittne.storage.recording.CallCounts;
import se.vittne.storage.recording.RecordingScope;
import se.vittne.storage.recording.SearchPeriod;
import se.vittne.storage.tenant.TenantSettings;

/** Counts calls for the start pages, scoped like the recordings list. */
public final class OverviewService {
  /** The longest period counted day by day. */
  static final int MAX_DAYS = 366;

  private static final Set<String> PARAMETERS = Set.of("period", "from", "to");

  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Clock clock;

  public OverviewService(DSLContext dsl, RecordingAccess access, Clock clock) {
    this.dsl = dsl;
    this.access = access;
    this.clock = clock;
  }

  /**
   * Calls of one direction.
   *
   * @param recorded recorded calls
   * @param notRecorded calls the policy did not record
   * @param total both
   */
  public record Counts(long recorded, long notRecorded, long total) {}

  /**
   * Calls per direction.
   *
   * @param incoming received from outside
   * @param outgoing made to outside
   * @param internal between colleagues
   * @param all every direction
   */
  public record DirectionCounts(Counts incoming, Counts outgoing, Counts internal, Counts all) {
    static DirectionCounts of(CallCounts c) {
      Counts in = counts(c, Direction.INCOMING);
      Counts out = counts(c, Direction.OUTGOING);
      Counts internal = counts(c, Direction.INTERNAL);
      return new DirectionCounts(
          in,
          out,
          internal,
          new Counts(
              in.recorded() + out.recorded() + internal.recorded(),
              in.notRecorded() + out.notRecorded() + internal.notRecorded(),
              in.total() + out.total() + internal.total()));
    }

    private static Counts counts(CallCounts c, Direction d) {
      long recorded = c.recorded().get(d);
      long not = c.notRecorded().get(d);
      return new Counts(recorded, not, recorded + not);
    }
  }

  /**
   * One day's calls.
   *
   * @param date the local date
   * @param calls its calls per direction
   */
  public record DayCounts(LocalDate date, DirectionCounts calls) {}

  /**
   * The overview of a period.
   *
   * @param from the period's start
   * @param to its end (exclusive)
   * @param scope whose calls: TENANT (super user), DEPARTMENTS (restricted user), OWN (My Console)
   * @param totals the period's calls per direction
   * @param made calls the scope's users made (outgoing and internal), for My Console's start page
   * @param received calls they received (incoming)
   * @param days the same, day by day, in the tenant's time zone
   */
  public record CallOverview(
      Instant from,
      Instant to,
      String scope,
      DirectionCounts totals,
      long made,
      long received,
      List<DayCounts> days) {}

  public CallOverview calls(Principal p, Map<String, List<String>> parameters) {
    List<FieldError> unknown = new ArrayList<>();
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        unknown.add(
            new FieldError(name, "unknown-parameter", "Unknown query parameter '" + name + "'."));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidQuery(unknown);
    }
    TenantSettings settings = access.settings(p.tenantId());
    ZoneId zone = settings.timeZone();
    SearchPeriod.Interval period = RecordingFilters.parse(parameters, settings, clock, 0).period();
    LocalDate first = period.from().atZone(zone).toLocalDate();
    LocalDate last = period.to().minusNanos(1).atZone(zone).toLocalDate();
    if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
      throw new InvalidQuery(
          List.of(
              new FieldError(
                  "to", "period-too-long", "The overview covers at most " + MAX_DAYS + " days.")));
    }
    RecordingScope scope = access.scope(p);
    CallCountRepository counts = new CallCountRepository(dsl);
    DirectionCounts totals = DirectionCounts.of(counts.count(p.tenantId(), scope, period));
    List<DayCounts> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      Instant from = max(period.from(), day.atStartOfDay(zone).toInstant());
      Instant to = min(period.to(), day.plusDays(1).atStartOfDay(zone).toInstant());
      if (to.isAfter(from)) {
        days.add(
            new DayCounts(
                day,
                DirectionCounts.of(
                    counts.count(p.tenantId(), scope, new SearchPeriod.Interval(from, to)))));
      }
    }
    return new CallOverview(
        period.from(),
        period.to(),
        switch (scope) {
          case RecordingScope.WholeTenant w -> "TENANT";
          case RecordingScope.Departments d -> "DEPARTMENTS";
          case RecordingScope.OwnExtensions o -> "OWN";
        },
        totals,
        totals.outgoing().total() + totals.internal().total(),
        totals.incoming().total(),
        days);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
