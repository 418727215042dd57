package se.vittne.storage.notes;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.RECORDING_NOTE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.recording.Flag;

/** Notes on recordings, one set per recording. */
public final class NoteRepository {
  private final DSLContext dsl;

  public NoteRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The recording's notes; {@link Note#EMPTY} when none were saved, empty when no such recording.
   */
  public Optional<Note> find(TenantId tenant, UUID recordingId) {
    return dsl.select(
            RECORDING_NOTE.CALL_RESULT_ID,
            RECORDING_NOTE.CUSTOMER_RESPONSE_ID,
            RECORDING_NOTE.FLAG,
            RECORDING_NOTE.TAG)
        .from(RECORDING)
        .leftJoin(RECORDING_NOTE)
        .on(RECORDING_NOTE.RECORDING_ID.eq(RECORDING.ID))
        .where(RECORDING.TENANT_ID.eq(tenant.value()))
        .and(RECORDING.ID.eq(recordingId))
        .fetchOptional(r ->
            new Note(
                Optional.ofNullable(r.value1()),
                Optional.ofNullable(r.value2()),
                r.value3() == null ? Flag.NONE : Flag.valueOf(r.value3()),
                Optional.ofNullable(r.value4())));
  }

  /**
   * Saves the notes of one of the tenant's recordings.
   *
   * @return false when the tenant has no such recording (nothing is written)
   */
  public boolean save(TenantId tenant, UUID recordingId, Note note, UUID by, Instant at) {
    var now = at.atOffset(ZoneOffset.UTC);
    return dsl.insertInto(
                RECORDING_NOTE,
                RECORDING_NOTE.RECORDING_ID,
                RECORDING_NOTE.TENANT_ID,
                RECORDING_NOTE.CALL_RESULT_ID,
                RECORDING_NOTE.CUSTOMER_RESPONSE_ID,
                RECORDING_NOTE.FLAG,
                RECORDING_NOTE.TAG,
                RECORDING_NOTE.UPDATED_BY,
                RECORDING_NOTE.UPDATED_AT)
            .select(
                DSL.select(
                        RECORDING.ID,
                        RECORDING.TENANT_ID,
                        DSL.val(note.callResult().orElse(null)),
                        DSL.val(note.customerResponse().orElse(null)),
                        DSL.val(note.flag().name()),
                        DSL.val(note.tag().orElse(null)),
                        DSL.val(by),
                        DSL.val(now))
                    .from(RECORDING)
                    .where(RECORDING.TENANT_ID.eq(tenant.value()))
                    .and(RECORDING.ID.eq(recordingId)))
            .onConflict(RECORDING_NOTE.RECORDING_ID)
            .doUpdate()
            .set(RECORDING_NOTE.CALL_RESULT_ID, note.callResult().orElse(null))
            .set(RECORDING_NOTE.CUSTOMER_RESPONSE_ID, note.customerResponse().orElse(null))
            .set(RECORDING_NOTE.FLAG, note.flag().name())
            .set(RECORDING_NOTE.TAG, note.tag().orElse(null))
            .set(RECORDING_NOTE.UPDATED_BY, by)
            .set(RECORDING_NOTE.UPDATED_AT, now)
            .where(RECORDING_NOTE.TENANT_ID.eq(tenant.value()))
            .execute()
        == 1;
  }
}
