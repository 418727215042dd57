package se.vittne.admin.deletion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.recordings.InvalidQuery;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingFilters;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.deletion.DeletionRequest;
import se.vittne.storage.deletion.DeletionRequestRepository;
import se.vittne.storage.recording.RecordingQuery;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.RecordingScope;

/**
 * Files deletion requests. Nothing is filed without {@code confirm: true}. A filter is
 * resolved by streaming the search, and filed in requests of {@value #CHUNK} recordings, so that
 * neither memory nor a single statement grows with the archive.
 */
public final class DeletionService {
  /** Recordings per deletion request. */
  static final int CHUNK = 5000;

  /** The most IDs one request may name; larger deletions go by filter. */
  public static final int MAX_IDS = 10_000;

  /** carried out within this long. */
  public static final Duration WITHIN = Duration.ofHours(1);

  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Clock clock;

  public DeletionService(DSLContext dsl, RecordingAccess access, Clock clock) {
    this.dsl = dsl;
    this.access = access;
    this.clock = clock;
  }

  /**
   * What to delete: either {@code ids} or {@code filter}.
   *
   * @param ids the recordings chosen in the list
   * @param filter every recording matching these filters (the search's query parameters as JSON
   *     fields, strings or lists of strings; no limit unless one is given)
   * @param confirm must be true: "I understand the consequences"
   * @param reason why, kept with the request
   */
  public record DeletionInput(
      List<UUID> ids, Map<String, Object> filter, Boolean confirm, String reason) {}

  /**
   * Deletion requests filed.
   *
   * @param requests the requests' IDs
   * @param recordings how many recordings they cover
   * @param requestedAt when
   * @param dueBy by when the recordings are erased
   */
  public record DeletionReceipt(
      List<UUID> requests, int recordings, Instant requestedAt, Instant dueBy) {}

  /**
   * A deletion request.
   *
   * @param id its ID
   * @param requestedAt when it was made
   * @param reason the reason given
   * @param recordings how many recordings it covers
   * @param status PENDING or DONE
   * @param completedAt when the job finished it
   */
  public record DeletionView(
      UUID id,
      Instant requestedAt,
      Optional<String> reason,
      int recordings,
      String status,
      Optional<Instant> completedAt) {}

  public DeletionReceipt request(Principal p, DeletionInput input) {
    Checks checks = new Checks();
    if (!Boolean.TRUE.equals(input.confirm())) {
      checks.add(
          "confirm",
          "confirmation-required",
          "Deleting cannot be undone: send confirm: true to confirm that you understand the"
              + " consequences.");
    }
    boolean byIds = input.ids() != null;
    boolean byFilter = input.filter() != null;
    if (byIds == byFilter) {
      checks.add("ids", "ids-or-filter", "Give either ids or filter.");
    }
    if (byIds
        && (input.ids().isEmpty() || input.ids().size() > MAX_IDS || input.ids().contains(null))) {
      checks.add("ids", "out-of-range", "Give 1 to " + MAX_IDS + " recording IDs.");
    }
    Optional<String> reason = checks.optional("reason", input.reason(), 1000);
    checks.orThrow();
    Instant now = clock.instant();
    List<UUID> requests =
        byIds ? byIds(p, input.ids(), reason, now) : byFilter(p, input.filter(), reason, now);
    int count = 0;
    DeletionRequestRepository repo = new DeletionRequestRepository(dsl);
    for (UUID id : requests) {
      count += repo.find(p.tenantId(), id).map(r -> r.recordings().size()).orElse(0);
    }
    return new DeletionReceipt(requests, count, now, now.plus(WITHIN));
  }

  /** Every ID must name a recording the login may see; else nothing is filed. */
  private List<UUID> byIds(Principal p, List<UUID> ids, Optional<String> reason, Instant now) {
    RecordingScope scope = access.scope(p);
    Set<UUID> unique = new LinkedHashSet<>(ids);
    for (UUID id : unique) {
      access.find(p, id, scope);
    }
    List<UUID> requests = new ArrayList<>();
    List<UUID> chunk = new ArrayList<>();
    for (UUID id : unique) {
      chunk.add(id);
      if (chunk.size() == CHUNK) {
        requests.add(file(p, chunk, reason, now));
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      requests.add(file(p, chunk, reason, now));
    }
    return requests;
  }

  private List<UUID> byFilter(
      Principal p, Map<String, Object> filter, Optional<String> reason, Instant now) {
    RecordingQuery query =
        RecordingFilters.parse(parameters(filter), access.settings(p.tenantId()), clock, 0);
    List<UUID> requests = new ArrayList<>();
    List<UUID> chunk = new ArrayList<>();
    new RecordingRepository(dsl)
        .search(
            p.tenantId(),
            access.scope(p),
            query,
            item -> {
              chunk.add(item.recording().id());
              if (chunk.size() == CHUNK) {
                requests.add(file(p, chunk, reason, now));
                chunk.clear();
              }
            });
    if (!chunk.isEmpty()) {
      requests.add(file(p, chunk, reason, now));
    }
    if (requests.isEmpty()) {
      throw ProblemException.Invalid.of(
          "filter", "no-match", "No recording matches the filter: nothing to delete.");
    }
    return requests;
  }

  private UUID file(Principal p, List<UUID> ids, Optional<String> reason, Instant now) {
    return new DeletionRequestRepository(dsl)
        .request(p.tenantId(), List.copyOf(ids), p.login(), p.email(), reason, now)
        .id();
  }

  /** The filter's fields as query parameters: a string, number or boolean, or a list of them. */
  static Map<String, List<String>> parameters(Map<String, Object> filter) {
    Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, Object> e : filter.entrySet()) {
      List<String> values = new ArrayList<>();
      Object value = e.getValue();
      if (value instanceof List<?> list) {
        list.forEach(v -> add(values, v, e.getKey(), errors));
      } else {
        add(values, value, e.getKey(), errors);
      }
      parameters.put(e.getKey(), values);
    }
    if (!errors.isEmpty()) {
      throw new InvalidQuery(errors);
    }
    return parameters;
  }

  private static void add(List<String> values, Object v, String name, List<FieldError> errors) {
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      values.add(v.toString());
    } else if (v != null) {
      errors.add(new FieldError(name, "invalid-value", name + " must be a text, number or list."));
    }
  }

  public List<DeletionView> list(Principal p) {
    return new DeletionRequestRepository(dsl)
        .list(p.tenantId(), 100).stream().map(DeletionService::view).toList();
  }

  public DeletionView find(Principal p, UUID id) {
    return new DeletionRequestRepository(dsl)
        .find(p.tenantId(), id)
        .map(DeletionService::view)
        .orElseThrow(() -> new ProblemException.NotFound("No such deletion request."));
  }

  private static DeletionView view(DeletionRequest r) {
    return new DeletionView(
        r.id(),
        r.requestedAt(),
        r.reason(),
        r.recordings().size(),
        r.pending() ? "PENDING" : "DONE",
        r.completedAt());
  }
}
