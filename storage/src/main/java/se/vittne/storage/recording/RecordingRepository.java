package se.vittne.storage.recording;

import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.RECORDING_NOTE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectLimitStep;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.jooq.tables.records.RecordingRecord;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/** Archived recordings: idempotent insert, lookup, expiry and the R-51 search. */
public final class RecordingRepository {
  /** Rows fetched per round trip while streaming a search. */
  private static final int FETCH_SIZE = 500;

  private final DSLContext dsl;

  public RecordingRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The outcome of an insert.
   *
   * @param id the recording's ID: the new one, or that of the row stored by an earlier attempt
   * @param created false when the same party of the same session was already archived
   */
  public record Inserted(UUID id, boolean created) {}

  /**
   * Stores a recording unless this party of this recording session is stored already, so an archive
   * retried after a crash never duplicates a row.
   */
  public Inserted insert(TenantId tenant, NewRecording recording) {
    RecordingRecord row = dsl.newRecord(RECORDING);
    RecordingRows.write(row, tenant, recording);
    Optional<UUID> created =
        dsl.insertInto(RECORDING)
            .set(row)
            .onConflict(RECORDING.TENANT_ID, RECORDING.SESSION_ID, RECORDING.EXTENSION)
            .doNothing()
            .returningResult(RECORDING.ID)
            .fetchOptional(RECORDING.ID);
    if (created.isPresent()) {
      return new Inserted(created.get(), true);
    }
    UUID existing =
        dsl.select(RECORDING.ID)
            .from(RECORDING)
            .where(RECORDING.TENANT_ID.eq(tenant.value()))
            .and(RECORDING.SESSION_ID.eq(recording.call().sessionId()))
            .and(RECORDING.EXTENSION.eq(recording.user().extension()))
            .fetchSingle(RECORDING.ID);
    return new Inserted(existing, false);
  }

  /** The tenant's recording with this ID, also while its erasure runs. */
  public Optional<Recording> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(RECORDING)
        .where(RECORDING.TENANT_ID.eq(tenant.value()))
        .and(RECORDING.ID.eq(id))
        .fetchOptional()
        .map(RecordingRows::read);
  }

  /** Changes when a recording is erased; false when the tenant has no such recording. */
  public boolean updateExpiry(TenantId tenant, UUID id, LocalDate expiresOn) {
    return dsl.update(RECORDING)
            .set(RECORDING.EXPIRES_ON, expiresOn)
            .where(RECORDING.TENANT_ID.eq(tenant.value()))
            .and(RECORDING.ID.eq(id))
            .and(RECORDING.STATE.eq(RecordingState.ACTIVE.name()))
            .execute()
        == 1;
  }

  /**
   * Streams the recordings that match the query and the scope to {@code sink}, in the query's
   * order, through a database cursor: however many rows match, only {@value #FETCH_SIZE} are in
   * memory at a time. The sink runs inside a read-only transaction; keep it quick.
   *
   * @return how many rows were passed to the sink
   */
  public long search(
      TenantId tenant,
      RecordingScope scope,
      RecordingQuery query,
      Consumer<RecordingListItem> sink) {
    TenantSettings settings = settingsIfNeeded(tenant, query);
    // a cursor needs a transaction: without one the driver fetches every row at once
    return dsl.transactionResult(configuration -> {
      long count = 0;
      try (Cursor<Record> cursor =
          select(DSL.using(configuration), tenant, scope, query, settings)
              .fetchSize(FETCH_SIZE)
              .fetchLazy()) {
        for (Record r : cursor) {
          sink.accept(item(r));
          count++;
        }
      }
      return count;
    });
  }

  /**
   * PostgreSQL's plan of a search, executed ({@code EXPLAIN ANALYZE}), for diagnosing a slow
   * archive; the benchmark prints it.
   */
  public String explain(TenantId tenant, RecordingScope scope, RecordingQuery query) {
    var select = select(dsl, tenant, scope, query, settingsIfNeeded(tenant, query));
    return String.join(
        "\n",
        dsl.fetch("explain (analyze, buffers) " + select.getSQL(ParamType.INLINED))
            .getValues(0, String.class));
  }

  private static ResultQuery<Record> select(
      DSLContext dsl,
      TenantId tenant,
      RecordingScope scope,
      RecordingQuery query,
      TenantSettings settings) {
    SelectLimitStep<Record> select =
        dsl.select(RECORDING.fields())
            .select(RECORDING_NOTE.FLAG, RECORDING_NOTE.TAG, RECORDING_NOTE.EVALUATED)
            .from(RECORDING)
            .leftJoin(RECORDING_NOTE)
            .on(RECORDING_NOTE.RECORDING_ID.eq(RECORDING.ID))
            .where(SearchConditions.of(tenant, scope, query, settings))
            .orderBy(SearchConditions.order(query.sort()));
    return query.limit() == 0 ? select : select.limit(query.limit());
  }

  /** The tenant's zone and office hours matter only to the time filters; skip the query else. */
  private TenantSettings settingsIfNeeded(TenantId tenant, RecordingQuery query) {
    boolean needed =
        query.timeOfDayFrom().isPresent()
            || query.timeOfDayTo().isPresent()
            || query.officeHours() != RecordingQuery.OfficeHoursFilter.ANY;
    return needed ? settings(tenant) : null;
  }

  /** Like {@link #search} but collected; for bounded limits only. */
  public List<RecordingListItem> searchList(
      TenantId tenant, RecordingScope scope, RecordingQuery query) {
    if (query.limit() == 0) {
      throw new IllegalArgumentException("an unlimited search must be streamed, not collected");
    }
    List<RecordingListItem> items = new ArrayList<>();
    search(tenant, scope, query, items::add);
    return items;
  }

  private TenantSettings settings(TenantId tenant) {
    return new TenantRepository(dsl)
        .find(tenant)
        .orElseThrow(() -> new IllegalArgumentException("no such tenant: " + tenant));
  }

  private static RecordingListItem item(Record r) {
    String flag = r.get(RECORDING_NOTE.FLAG);
    return new RecordingListItem(
        RecordingRows.read(r),
        flag == null ? Flag.NONE : Flag.valueOf(flag),
        Optional.ofNullable(r.get(RECORDING_NOTE.TAG)),
        Boolean.TRUE.equals(r.get(RECORDING_NOTE.EVALUATED)));
  }
}
