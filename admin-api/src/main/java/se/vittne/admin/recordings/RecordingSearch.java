package se.vittne.admin.recordings;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.server.Json;
import se.vittne.storage.recording.RecordingQuery;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.RecordingScope;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Runs the R-51 search for a login and writes the rows as JSON while the database cursor reads
 * them: however many rows match (limit 0), only a few hundred are in memory at a time. The web app
 * uses {@link #query} and {@link #stream} alike, for its list page.
 */
public final class RecordingSearch {
  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Clock clock;

  public RecordingSearch(DSLContext dsl, RecordingAccess access, Clock clock) {
    this.dsl = dsl;
    this.access = access;
    this.clock = clock;
  }

  /**
   * The query of the filter parameters, for this login's tenant.
   *
   * @throws InvalidQuery naming every wrong parameter
   */
  public RecordingQuery query(Principal p, Map<String, List<String>> parameters) {
    TenantSettings settings = access.settings(p.tenantId());
    return RecordingFilters.parse(parameters, settings, clock, RecordingQuery.DEFAULT_LIMIT);
  }

  /**
   * Writes {@code {"from":..., "to":..., "limit":..., "items":[...], "count":..., "truncated":...}}
   * to {@code out}; {@code truncated} says that more rows match than the limit let through.
   */
  public void stream(Principal p, RecordingQuery query, OutputStream out) throws IOException {
    ZoneId zone = access.settings(p.tenantId()).timeZone();
    RecordingScope scope = access.scope(p);
    int limit = query.limit();
    // one row more than the limit tells whether there are more, without counting them all
    RecordingQuery probe =
        limit == 0 || limit == Integer.MAX_VALUE ? query : withLimit(query, limit + 1);
    try (JsonGenerator json = Json.mapper().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("from", query.period().from().toString());
      json.writeStringField("to", query.period().to().toString());
      json.writeNumberField("limit", limit);
      json.writeArrayFieldStart("items");
      long[] written = {0};
      boolean[] truncated = {false};
      new RecordingRepository(dsl)
          .search(
              p.tenantId(),
              scope,
              probe,
              item -> {
                if (limit != 0 && written[0] == limit) {
                  truncated[0] = true;
                  return;
                }
                try {
                  json.writeObject(RecordingSummary.of(item, zone));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                written[0]++;
              });
      json.writeEndArray();
      json.writeNumberField("count", written[0]);
      json.writeBooleanField("truncated", truncated[0]);
      json.writeEndObject();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static RecordingQuery withLimit(RecordingQuery q, int limit) {
    return new RecordingQuery(
        q.period(),
        q.timeOfDayFrom(),
        q.timeOfDayTo(),
        q.officeHours(),
        limit,
        q.extension(),
        q.departments(),
        q.districts(),
        q.costCentres(),
        q.offices(),
        q.remoteNumberPrefix(),
        q.ddi(),
        q.minDuration(),
        q.maxDuration(),
        q.directions(),
        q.tag(),
        q.flags(),
        q.evaluated(),
        q.sort());
  }
}
