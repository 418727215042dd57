package se.vittne.storage.jobs;

import static se.vittne.storage.jooq.Tables.DELETION_REQUEST;
import static se.vittne.storage.jooq.Tables.DELETION_REQUEST_ITEM;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.policy.TenantId;

/**
 * Carries out pending deletion requests: erases every recording they cover, then marks them
 * done. Scheduled every few minutes, so a request is done well within the hour; a run that dies
 * midway leaves the rest for the next.
 */
public final class DeletionJob {
  static final String ACTOR = "system:deletion";
  private static final Logger LOG = LoggerFactory.getLogger(DeletionJob.class);

  private final DSLContext dsl;
  private final RecordingEraser eraser;
  private final Clock clock;

  public DeletionJob(DSLContext dsl, RecordingEraser eraser, Clock clock) {
    this.dsl = dsl;
    this.eraser = eraser;
    this.clock = clock;
  }

  /**
   * What a run did.
   *
   * @param erased recordings erased
   * @param completed requests finished
   */
  public record Result(int erased, int completed) {}

  public Result runOnce() {
    int erased = 0;
    int completed = 0;
    var pending =
        dsl.select(DELETION_REQUEST.ID, DELETION_REQUEST.TENANT_ID)
            .from(DELETION_REQUEST)
            .where(DELETION_REQUEST.STATE.eq("PENDING"))
            .orderBy(DELETION_REQUEST.REQUESTED_AT)
            .fetch();
    for (var request : pending) {
      TenantId tenant = new TenantId(request.value2());
      try {
        erased += carryOut(tenant, request.value1());
        completed += complete(tenant, request.value1());
      } catch (RuntimeException e) {
        LOG.warn("deletion request {} failed; the next run retries it", request.value1(), e);
      }
    }
    return new Result(erased, completed);
  }

  private int carryOut(TenantId tenant, UUID request) {
    int erased = 0;
    var items =
        dsl.select(DELETION_REQUEST_ITEM.RECORDING_ID)
            .from(DELETION_REQUEST_ITEM)
            .where(DELETION_REQUEST_ITEM.REQUEST_ID.eq(request))
            .and(DELETION_REQUEST_ITEM.TENANT_ID.eq(tenant.value()))
            .and(DELETION_REQUEST_ITEM.ERASED_AT.isNull())
            .fetch(DELETION_REQUEST_ITEM.RECORDING_ID);
    for (UUID recording : items) {
      if (eraser.erase(tenant, recording, "deletion request " + request, ACTOR)) {
        erased++;
      } else {
        // erased meanwhile by retention or another request: nothing left to do for this item
        dsl.update(DELETION_REQUEST_ITEM)
            .set(DELETION_REQUEST_ITEM.ERASED_AT, clock.instant().atOffset(ZoneOffset.UTC))
            .where(DELETION_REQUEST_ITEM.REQUEST_ID.eq(request))
            .and(DELETION_REQUEST_ITEM.RECORDING_ID.eq(recording))
            .and(DELETION_REQUEST_ITEM.ERASED_AT.isNull())
            .execute();
      }
    }
    return erased;
  }

  private int complete(TenantId tenant, UUID request) {
    return dsl.update(DELETION_REQUEST)
        .set(DELETION_REQUEST.STATE, "DONE")
        .set(DELETION_REQUEST.COMPLETED_AT, clock.instant().atOffset(ZoneOffset.UTC))
        .where(DELETION_REQUEST.ID.eq(request))
        .and(DELETION_REQUEST.TENANT_ID.eq(tenant.value()))
        .and(DELETION_REQUEST.STATE.eq("PENDING"))
        .execute();
  }
}
