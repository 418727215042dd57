package se.vittne.storage.recording;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.RECORDING_WAVEFORM;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;

/** The cached waveform peaks of recordings, computed once per recording. */
public final class WaveformRepository {
  private final DSLContext dsl;

  public WaveformRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The recording's peaks, if they were computed. */
  public Optional<Waveform> find(TenantId tenant, UUID recording) {
    return dsl.selectFrom(RECORDING_WAVEFORM)
        .where(RECORDING_WAVEFORM.TENANT_ID.eq(tenant.value()))
        .and(RECORDING_WAVEFORM.RECORDING_ID.eq(recording))
        .fetchOptional(r ->
            new Waveform(
                r.getChannels(),
                r.getPoints(),
                r.getPeaks(),
                Duration.ofMillis(r.getDurationMs())));
  }

  /**
   * Keeps the peaks of one of the tenant's recordings. When two players computed them at once, the
   * first kept wins; the peaks are the same anyway.
   *
   * @return false when the tenant has no such recording (nothing is written)
   */
  public boolean save(TenantId tenant, UUID recording, Waveform waveform, Instant at) {
    dsl.insertInto(
            RECORDING_WAVEFORM,
            RECORDING_WAVEFORM.RECORDING_ID,
            RECORDING_WAVEFORM.TENANT_ID,
            RECORDING_WAVEFORM.CHANNELS,
            RECORDING_WAVEFORM.POINTS,
            RECORDING_WAVEFORM.PEAKS,
            RECORDING_WAVEFORM.DURATION_MS,
            RECORDING_WAVEFORM.COMPUTED_AT)
        .select(
            DSL.select(
                    RECORDING.ID,
                    RECORDING.TENANT_ID,
                    DSL.val((short) waveform.channels()),
                    DSL.val(waveform.points()),
                    DSL.val(waveform.peaks()),
                    DSL.val(waveform.duration().toMillis()),
                    DSL.val(at.atOffset(ZoneOffset.UTC)))
                .from(RECORDING)
                .where(RECORDING.TENANT_ID.eq(tenant.value()))
                .and(RECORDING.ID.eq(recording)))
        .onConflict(RECORDING_WAVEFORM.RECORDING_ID)
        .doNothing()
        .execute();
    return dsl.fetchExists(
        RECORDING_WAVEFORM,
        RECORDING_WAVEFORM
            .TENANT_ID
            .eq(tenant.value())
            .and(RECORDING_WAVEFORM.RECORDING_ID.eq(recording)));
  }
}
