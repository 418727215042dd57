package se.vittne.storage.jobs;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.TENANT;
import static se.vittne.storage.jooq.Tables.UNRECORDED_CALL;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.policy.TenantId;
import se.vittne.storage.recording.RecordingState;

/**
 * Erases recordings whose expiry date has come in their tenant's time zone, finishes
 * erasures that a crash interrupted, and removes "not recorded" rows older than the tenant's
 * retention. Each run works in batches until nothing is left.
 */
public final class RetentionJob {
  static final String ACTOR = "system:retention";
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private static final int BATCH = 200;

  private final DSLContext dsl;
  private final RecordingEraser eraser;
  private final Clock clock;

  public RetentionJob(DSLContext dsl, RecordingEraser eraser, Clock clock) {
    this.dsl = dsl;
    this.eraser = eraser;
    this.clock = clock;
  }

  /**
   * What a run did.
   *
   * @param erased recordings erased
   * @param failed recordings whose erasure failed and will be retried by the next run
   * @param unrecordedRemoved "not recorded" rows removed
   */
  public record Result(int erased, int failed, int unrecordedRemoved) {}

  public Result runOnce() {
    int erased = 0;
    int failed = 0;
    List<Record3<UUID, UUID, String>> due;
    do {
      due = due(failed);
      for (var row : due) {
        try {
          if (eraser.erase(new TenantId(row.value2()), row.value1(), row.value3(), ACTOR)) {
            erased++;
          }
        } catch (RuntimeException e) {
          failed++;
          LOG.warn("erasing recording {} failed; the next run retries it", row.value1(), e);
        }
      }
    } while (due.size() == BATCH);
    return new Result(erased, failed, removeOldUnrecorded());
  }

  /**
   * Rows whose erasure began (resumed first) and rows past expiry. Rows that failed in this run are
   * skipped by offset so that a broken one cannot stall the rest.
   */
  private List<Record3<UUID, UUID, String>> due(int skip) {
    var today =
        DSL.field(
            "({0} at time zone {1})::date",
            SQLDataType.LOCALDATE,
            DSL.val(clock.instant().atOffset(ZoneOffset.UTC)),
            TENANT.TIME_ZONE);
    return dsl.select(
            RECORDING.ID, RECORDING.TENANT_ID, DSL.coalesce(RECORDING.ERASE_REASON, "retention"))
        .from(RECORDING)
        .join(TENANT)
        .on(TENANT.ID.eq(RECORDING.TENANT_ID))
        .where(
            RECORDING
                .STATE
                .eq(RecordingState.ERASING.name())
                .or(
                    RECORDING
                        .STATE
                        .eq(RecordingState.ACTIVE.name())
                        .and(RECORDING.EXPIRES_ON.le(today))))
        .orderBy(RECORDING.STATE.desc(), RECORDING.EXPIRES_ON)
        .limit(BATCH)
        .offset(skip)
        .fetch();
  }

  private int removeOldUnrecorded() {
    return dsl.deleteFrom(UNRECORDED_CALL)
        .using(TENANT)
        .where(TENANT.ID.eq(UNRECORDED_CALL.TENANT_ID))
        .and(
            DSL.condition(
                "{0} < {1} - {2} * interval '1 day'",
                UNRECORDED_CALL.START_TIME,
                DSL.val(clock.instant().atOffset(ZoneOffset.UTC)),
                TENANT.RETENTION_DAYS))
        .execute();
  }
}
