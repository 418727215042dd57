package se.vittne.storage.recording;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.UNRECORDED_CALL;

import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.Direction;
import se.vittne.policy.TenantId;

/** Call counts per direction for the start pages, scoped like searches. */
public final class CallCountRepository {
  private final DSLContext dsl;

  public CallCountRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public CallCounts count(TenantId tenant, RecordingScope scope, SearchPeriod.Interval period) {
    var from = period.from().atOffset(ZoneOffset.UTC);
    var to = period.to().atOffset(ZoneOffset.UTC);
    Map<Direction, Long> recorded =
        dsl.select(RECORDING.DIRECTION, DSL.count())
            .from(RECORDING)
            .where(RECORDING.TENANT_ID.eq(tenant.value()))
            .and(RECORDING.STATE.eq(RecordingState.ACTIVE.name()))
            .and(SearchConditions.scope(scope))
            .and(RECORDING.START_TIME.ge(from))
            .and(RECORDING.START_TIME.lt(to))
            .groupBy(RECORDING.DIRECTION)
            .fetchMap(r -> Direction.valueOf(r.value1()), r -> r.value2().longValue());
    var unrecordedScope =
        switch (scope) {
          case RecordingScope.WholeTenant w -> DSL.noCondition();
          case RecordingScope.OwnExtensions own -> UNRECORDED_CALL.EXTENSION.in(own.extensions());
          case RecordingScope.Departments d -> UNRECORDED_CALL.DEPARTMENT_ID.in(d.departments());
        };
    Map<Direction, Long> notRecorded =
        dsl.select(UNRECORDED_CALL.DIRECTION, DSL.count())
            .from(UNRECORDED_CALL)
            .where(UNRECORDED_CALL.TENANT_ID.eq(tenant.value()))
            .and(unrecordedScope)
            .and(UNRECORDED_CALL.START_TIME.ge(from))
            .and(UNRECORDED_CALL.START_TIME.lt(to))
            .groupBy(UNRECORDED_CALL.DIRECTION)
            .fetchMap(r -> Direction.valueOf(r.value1()), r -> r.value2().longValue());
    return new CallCounts(recorded, notRecorded);
  }
}
