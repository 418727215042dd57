package se.vittne.admin.notes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingActions;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.storage.evaluation.Category;
import se.vittne.storage.evaluation.CategoryKind;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.notes.Note;
import se.vittne.storage.notes.NoteRepository;
import se.vittne.storage.recording.Flag;

/** Reads and saves a recording's notes. */
public final class NotesService {
  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Auditor auditor;
  private final Clock clock;

  public NotesService(DSLContext dsl, RecordingAccess access, Auditor auditor, Clock clock) {
    this.dsl = dsl;
    this.access = access;
    this.auditor = auditor;
    this.clock = clock;
  }

  /**
   * A category as a note shows it.
   *
   * @param id the category
   * @param name its name now (a retired category keeps its last name)
   */
  public record CategoryRef(UUID id, String name) {}

  /**
   * A recording's notes.
   *
   * @param callResult the call result, if chosen
   * @param customerResponse the customer response, if chosen
   * @param flag none, red, green or blue
   * @param tag the free-text call tag
   */
  public record NotesView(
      Optional<CategoryRef> callResult,
      Optional<CategoryRef> customerResponse,
      Flag flag,
      Optional<String> tag) {}

  /**
   * New notes; each field left out is cleared.
   *
   * @param callResult a call-result category of the tenant
   * @param customerResponse a customer-response category of the tenant
   * @param flag none (default), red, green or blue
   * @param tag the call tag, at most 200 characters
   */
  public record NotesInput(UUID callResult, UUID customerResponse, Flag flag, String tag) {}

  public NotesView notes(Principal p, UUID recording) {
    access.find(p, recording);
    Note note = new NoteRepository(dsl).find(p.tenantId(), recording).orElse(Note.EMPTY);
    return view(p, note);
  }

  public NotesView save(Principal p, ClientInfo client, UUID recording, NotesInput input) {
    access.find(p, recording);
    Note current = new NoteRepository(dsl).find(p.tenantId(), recording).orElse(Note.EMPTY);
    Checks checks = new Checks();
    Optional<String> tag = checks.optional("tag", input.tag(), 200);
    Map<UUID, Category> categories =
        new EvaluationRepository(dsl)
            .categoriesById(
                p.tenantId(),
                java.util.stream.Stream.of(input.callResult(), input.customerResponse())
                    .filter(java.util.Objects::nonNull)
                    .toList());
    Map<UUID, Category> active = activeCategories(p);
    check(
        checks,
        "callResult",
        input.callResult(),
        CategoryKind.CALL_RESULT,
        categories,
        active,
        current.callResult());
    check(
        checks,
        "customerResponse",
        input.customerResponse(),
        CategoryKind.CUSTOMER_RESPONSE,
        categories,
        active,
        current.customerResponse());
    checks.orThrow();
    Note note =
        new Note(
            Optional.ofNullable(input.callResult()),
            Optional.ofNullable(input.customerResponse()),
            input.flag() == null ? Flag.NONE : input.flag(),
            tag);
    dsl.transaction(c -> {
      var tx = DSL.using(c);
      if (!new NoteRepository(tx).save(p.tenantId(), recording, note, p.login(), clock.instant())) {
        throw RecordingAccess.notFound();
      }
      Map<String, Object> details = new HashMap<>();
      details.put("flag", note.flag().name());
      note.tag().ifPresent(t -> details.put("tag", t));
      note.callResult()
          .map(categories::get)
          .ifPresent(cat -> details.put("callResult", cat.name()));
      note.customerResponse()
          .map(categories::get)
          .ifPresent(cat -> details.put("customerResponse", cat.name()));
      auditor
          .within(tx)
          .recordOnRecording(p, client, RecordingActions.NOTES_CHANGED, recording, details);
    });
    return view(p, note);
  }

  /**
   * A category must be one of the tenant's, of the right list, and not deleted, unless the note has
   * it already (a note keeps a category that was deleted after it was chosen).
   */
  private static void check(
      Checks checks,
      String field,
      UUID id,
      CategoryKind kind,
      Map<UUID, Category> found,
      Map<UUID, Category> active,
      Optional<UUID> current) {
    if (id == null) {
      return;
    }
    Category category = found.get(id);
    if (category == null || category.kind() != kind) {
      checks.add(
          field,
          "no-such-category",
          field + " is not one of the tenant's " + words(kind) + " categories.");
    } else if (!active.containsKey(id) && !current.equals(Optional.of(id))) {
      checks.add(field, "category-deleted", field + " names a deleted category.");
    }
  }

  private static String words(CategoryKind kind) {
    return kind == CategoryKind.CALL_RESULT ? "call result" : "customer response";
  }

  private Map<UUID, Category> activeCategories(Principal p) {
    EvaluationRepository evaluation = new EvaluationRepository(dsl);
    Map<UUID, Category> active = new HashMap<>();
    for (CategoryKind kind : CategoryKind.values()) {
      evaluation.categories(p.tenantId(), kind).forEach(cat -> active.put(cat.id(), cat));
    }
    return active;
  }

  private NotesView view(Principal p, Note note) {
    List<UUID> ids = new ArrayList<>();
    note.callResult().ifPresent(ids::add);
    note.customerResponse().ifPresent(ids::add);
    Map<UUID, Category> names =
        ids.isEmpty() ? Map.of() : new EvaluationRepository(dsl).categoriesById(p.tenantId(), ids);
    return new NotesView(
        note.callResult().map(id -> ref(id, names)),
        note.customerResponse().map(id -> ref(id, names)),
        note.flag(),
        note.tag());
  }

  private static CategoryRef ref(UUID id, Map<UUID, Category> names) {
    Category category = names.get(id);
    return new CategoryRef(id, category == null ? "" : category.name());
  }
}
