package se.vittne.storage.recording;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.RECORDING_NOTE;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import se.vittne.policy.TenantId;
import se.vittne.storage.jooq.tables.records.RecordingRecord;
import se.vittne.storage.tenant.OfficeHours;
import se.vittne.storage.tenant.TenantSettings;

/** Turns a tenant, a scope and the filters of R-51 into SQL conditions. */
final class SearchConditions {
  private SearchConditions() {}

  /**
   * The conditions of a search. {@code settings} may be null when the query has no time-of-day or
   * office-hours filter.
   */
  static List<Condition> of(
      TenantId tenant, RecordingScope scope, RecordingQuery q, TenantSettings settings) {
    List<Condition> where = new ArrayList<>();
    where.add(RECORDING.TENANT_ID.eq(tenant.value()));
    where.add(RECORDING.STATE.eq(RecordingState.ACTIVE.name()));
    where.add(scope(scope));
    where.add(RECORDING.START_TIME.ge(q.period().from().atOffset(ZoneOffset.UTC)));
    where.add(RECORDING.START_TIME.lt(q.period().to().atOffset(ZoneOffset.UTC)));
    if (settings != null) {
      Field<LocalTime> localTime = localTime(settings);
      q.timeOfDayFrom().ifPresent(t -> where.add(localTime.ge(t)));
      q.timeOfDayTo().ifPresent(t -> where.add(localTime.lt(t)));
      switch (q.officeHours()) {
        case ANY -> {}
        case INSIDE -> where.add(insideOfficeHours(settings, localTime));
        case OUTSIDE -> where.add(DSL.not(insideOfficeHours(settings, localTime)));
      }
    }
    q.extension().ifPresent(e -> where.add(RECORDING.EXTENSION.eq(e)));
    where.add(anyOf(RECORDING.DEPARTMENT_ID, q.departments()));
    where.add(anyOf(RECORDING.DISTRICT_ID, q.districts()));
    where.add(anyOf(RECORDING.COST_CENTRE_ID, q.costCentres()));
    where.add(anyOf(RECORDING.OFFICE_ID, q.offices()));
    q.remoteNumberPrefix()
        .ifPresent(p -> where.add(RECORDING.REMOTE_NUMBER.like(escapeLike(p) + "%", '\\')));
    q.ddi().ifPresent(d -> where.add(RECORDING.DDI.eq(d.e164())));
    q.minDuration().ifPresent(d -> where.add(RECORDING.DURATION_MS.ge(d.toMillis())));
    q.maxDuration().ifPresent(d -> where.add(RECORDING.DURATION_MS.le(d.toMillis())));
    if (!q.directions().isEmpty()) {
      where.add(RECORDING.DIRECTION.in(q.directions().stream().map(Enum::name).toList()));
    }
    q.tag()
        .ifPresent(t ->
            where.add(
                DSL.lower(RECORDING_NOTE.TAG)
                    .like("%" + escapeLike(t.toLowerCase(java.util.Locale.ROOT)) + "%", '\\')));
    if (!q.flags().isEmpty()) {
      where.add(
          DSL.coalesce(RECORDING_NOTE.FLAG, Flag.NONE.name())
              .in(q.flags().stream().map(Enum::name).toList()));
    }
    q.evaluated().ifPresent(e -> where.add(DSL.coalesce(RECORDING_NOTE.EVALUATED, false).eq(e)));
    return where;
  }

  static Condition scope(RecordingScope scope) {
    return switch (scope) {
      case RecordingScope.WholeTenant w -> DSL.trueCondition();
      case RecordingScope.OwnExtensions own -> RECORDING.EXTENSION.in(own.extensions());
      case RecordingScope.Departments d -> RECORDING.DEPARTMENT_ID.in(d.departments());
    };
  }

  static List<SortField<?>> order(RecordingQuery.Sort sort) {
    Field<?> column =
        switch (sort.column()) {
          case START -> RECORDING.START_TIME;
          case DURATION -> RECORDING.DURATION_MS;
          case EXTENSION -> RECORDING.EXTENSION;
          case REMOTE_NUMBER -> RECORDING.REMOTE_NUMBER;
        };
    // The ID breaks ties so that the order is stable from one page to the next. Only the remote
    // number can be null; the other columns sort plainly, so (tenant, start_time desc) serves the
    // newest-first list in index order, without a sort.
    boolean nullable = sort.column() == RecordingQuery.Sort.Column.REMOTE_NUMBER;
    SortField<?> first =
        sort.descending()
            ? (nullable ? column.desc().nullsLast() : column.desc())
            : (nullable ? column.asc().nullsLast() : column.asc());
    return List.of(first, sort.descending() ? RECORDING.ID.desc() : RECORDING.ID.asc());
  }

  private static Field<LocalTime> localTime(TenantSettings settings) {
    return DSL.field(
        "({0} at time zone {1})::time",
        SQLDataType.LOCALTIME, RECORDING.START_TIME, DSL.val(settings.timeZone().getId()));
  }

  private static Condition insideOfficeHours(TenantSettings settings, Field<LocalTime> localTime) {
    OfficeHours hours = settings.officeHours();
    Field<Integer> isoDay =
        DSL.field(
            "extract(isodow from {0} at time zone {1})::int",
            SQLDataType.INTEGER, RECORDING.START_TIME, DSL.val(settings.timeZone().getId()));
    return localTime
        .ge(hours.opens())
        .and(localTime.lt(hours.closes()))
        .and(isoDay.in(hours.days().stream().map(d -> d.getValue()).toList()));
  }

  private static Condition anyOf(TableField<RecordingRecord, UUID> column, Set<UUID> ids) {
    return ids.isEmpty() ? DSL.noCondition() : column.in(ids);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
