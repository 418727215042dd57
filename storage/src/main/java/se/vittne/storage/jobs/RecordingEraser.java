package se.vittne.storage.jobs;

import static se.vittne.storage.jooq.Tables.DELETION_REQUEST_ITEM;
import static se.vittne.storage.jooq.Tables.RECORDING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audit.AuditActions;
import se.vittne.storage.audit.AuditEntry;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.jooq.tables.records.RecordingRecord;
import se.vittne.storage.recording.RecordingState;

/**
 * Erases one recording: audio and row, audited exactly once. Safe to call again after a crash at
 * any point, and from several nodes at once.
 */
public final class RecordingEraser {
  private final DSLContext dsl;
  private final AudioStore audio;
  private final Clock clock;

  public RecordingEraser(DSLContext dsl, AudioStore audio, Clock clock) {
    this.dsl = dsl;
    this.audio = audio;
    this.clock = clock;
  }

  /**
   * Erases the tenant's recording.
   *
   * @param reason why, e.g. "retention" or "deletion request ..."; kept on the row until the end so
   *     that a resumed erasure audits the same reason
   * @param actor who, e.g. "system:retention"
   * @return true when this call removed the row; false when it was already gone
   */
  public boolean erase(TenantId tenant, UUID recording, String reason, String actor) {
    Optional<RecordingRecord> marked = markErasing(tenant, recording, reason);
    if (marked.isEmpty()) {
      return false;
    }
    deleteAudio(new StoreKey(marked.get().getStoreKey()));
    return removeRow(tenant, marked.get(), actor);
  }

  /** Step 1: flags the row, keeping the first reason if an earlier attempt set one. */
  private Optional<RecordingRecord> markErasing(TenantId tenant, UUID recording, String reason) {
    return dsl.update(RECORDING)
        .set(RECORDING.STATE, RecordingState.ERASING.name())
        .set(RECORDING.ERASE_REASON, DSL.coalesce(RECORDING.ERASE_REASON, DSL.val(reason)))
        .where(RECORDING.TENANT_ID.eq(tenant.value()))
        .and(RECORDING.ID.eq(recording))
        .returning()
        .fetchOptional();
  }

  /** Step 2: deleting audio that is already gone is not an error. */
  private void deleteAudio(StoreKey key) {
    try {
      audio.delete(key);
    } catch (IOException e) {
      throw new UncheckedIOException("could not erase the audio of " + key, e);
    }
  }

  /** Step 3: the row goes and the audit entry comes in one transaction; only one caller wins. */
  private boolean removeRow(TenantId tenant, RecordingRecord row, String actor) {
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      int deleted =
          tx.deleteFrom(RECORDING)
              .where(RECORDING.TENANT_ID.eq(tenant.value()))
              .and(RECORDING.ID.eq(row.getId()))
              .and(RECORDING.STATE.eq(RecordingState.ERASING.name()))
              .execute();
      if (deleted == 0) {
        return false;
      }
      var now = clock.instant();
      tx.update(DELETION_REQUEST_ITEM)
          .set(DELETION_REQUEST_ITEM.ERASED_AT, now.atOffset(ZoneOffset.UTC))
          .where(DELETION_REQUEST_ITEM.TENANT_ID.eq(tenant.value()))
          .and(DELETION_REQUEST_ITEM.RECORDING_ID.eq(row.getId()))
          .and(DELETION_REQUEST_ITEM.ERASED_AT.isNull())
          .execute();
      new AuditLog(tx)
          .append(
              tenant,
              AuditEntry.onRecording(
                  now,
                  Optional.empty(),
                  actor,
                  AuditActions.RECORDING_ERASED,
                  row.getId(),
                  Map.of(
                      "reason", row.getEraseReason(),
                      "extension", row.getExtension(),
                      "start", row.getStartTime().toInstant().toString(),
                      "sha256", row.getSha256())));
      return true;
    });
  }
}
