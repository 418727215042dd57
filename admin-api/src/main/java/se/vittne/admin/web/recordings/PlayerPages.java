package se.vittne.admin.web.recordings;

import static se.vittne.admin.access.Permission.ANNOTATE_RECORDINGS;
import static se.vittne.admin.access.Permission.EMAIL_RECORDINGS;
import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.admin.RecordingModules;
import se.vittne.admin.access.Permission;
import se.vittne.admin.access.Principal;
import se.vittne.admin.evaluation.EvaluationViews.EvaluationSetup;
import se.vittne.admin.evaluation.EvaluationViews.RecordingEvaluation;
import se.vittne.admin.notes.NotesService.NotesInput;
import se.vittne.admin.notes.NotesService.NotesView;
import se.vittne.admin.playback.ListeningSessions.ListeningSession;
import se.vittne.admin.playback.Waveforms.WaveformView;
import se.vittne.admin.recordings.RecordingViews.HistoryEntry;
import se.vittne.admin.recordings.detail.RecordingDetail;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.sharing.SharingService.ShareInput;
import se.vittne.admin.sharing.SharingService.ShareView;
import se.vittne.admin.web.Form;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.storage.recording.Flag;

/**
 * A recording's page: the player (holding a listening licence while it is open, R-11) with its
 * waveform, and the tabs for call notes, evaluation, e-mail and history (R-52 … R-55). The tabs'
 * forms answer htmx with the tab alone, so saving notes does not stop the playing.
 */
public final class PlayerPages implements RouteModule {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerPages.class);
  private static final String PATH = "/recordings/{recordingId}";

  private final RecordingModules.Services recordings;
  private final Templates templates;

  public PlayerPages(RecordingModules.Services recordings, Templates templates) {
    this.recordings = recordings;
    this.templates = templates;
  }

  /**
   * The player.
   *
   * @param session the listening session, when the login may listen and a licence was free
   * @param refusal why there is no player, when there is none
   * @param waveform the waveform's peaks, when they could be read
   */
  public record Player(
      Optional<ListeningSession> session, Optional<String> refusal, Optional<Waveform> waveform) {}

  /** The notes tab: the notes, the categories to choose from, and the form's outcome. */
  public record NotesModel(UUID recording, NotesView notes, EvaluationSetup setup, Form form) {
    public String flagWord(Flag f) {
      return f.name();
    }
  }

  /** The evaluation tab. */
  public record EvaluationModel(UUID recording, RecordingEvaluation evaluation, Form form) {}

  /** The e-mail tab: the links shared so far and the form. */
  public record ShareModel(UUID recording, List<ShareView> shares, Form form, ZoneId zone) {}

  /** The history tab. */
  public record HistoryModel(List<HistoryEntry> entries, ZoneId zone) {}

  /** The whole page. */
  public record PlayerModel(
      RecordingDetail detail,
      Player player,
      NotesModel notes,
      EvaluationModel evaluation,
      Optional<ShareModel> share,
      Optional<HistoryModel> history,
      ZoneId zone) {}

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get(PATH, VIEW_RECORDINGS, this::page), "A recording: player and tabs");
    Pages.form(routes.post(PATH + "/notes", ANNOTATE_RECORDINGS, this::saveNotes), "Call notes");
    Pages.form(
        routes.post(PATH + "/evaluation", ANNOTATE_RECORDINGS, this::saveEvaluation),
        "Evaluation answers");
    Pages.form(routes.post(PATH + "/share", EMAIL_RECORDINGS, this::share), "Share by e-mail");
    Pages.form(
        routes.post(PATH + "/expiry", Permission.MANAGE_RECORDINGS, this::changeExpiry),
        "Change the expiry date (R-60)");
  }

  /** A super user moves the day the recording is erased; only to a day after today. */
  private void changeExpiry(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "recordingId");
    Form form = Form.of(ctx, "expiresOn");
    // an unreadable day goes to the service as none, so that a recording that is not the
    // user's answers 404 before the form is judged
    java.time.LocalDate day;
    try {
      day = java.time.LocalDate.parse(form.get("expiresOn").strip());
    } catch (java.time.format.DateTimeParseException e) {
      day = null;
    }
    try {
      recordings.recordings().changeExpiry(p, ClientInfo.of(ctx), id, day);
    } catch (ProblemException.Invalid e) {
      Pages.done(ctx, "/recordings/" + id, "expiryRejected");
      return;
    }
    Pages.done(ctx, "/recordings/" + id, "expiryChanged");
  }

  private void page(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "recordingId");
    View view = View.of(ctx, p, View.Section.RECORDINGS);
    RecordingDetail detail = recordings.detail().detail(p, id);
    ZoneId zone = recordings.access().settings(p.tenantId()).timeZone();
    templates.render(
        ctx,
        "recordings/player.jte",
        view,
        new PlayerModel(
            detail,
            player(ctx, p, view, id),
            notes(p, id, Form.empty()),
            new EvaluationModel(id, recordings.evaluation().answers(p, id), Form.empty()),
            view.can(EMAIL_RECORDINGS)
                ? Optional.of(shares(p, id, Form.empty(), zone))
                : Optional.empty(),
            view.can(Permission.VIEW_RECORDING_HISTORY)
                ? Optional.of(new HistoryModel(recordings.recordings().history(p, id), zone))
                : Optional.empty(),
            zone));
  }

  private Player player(Context ctx, Principal p, View view, UUID id) {
    if (!view.can(Permission.LISTEN_RECORDINGS)) {
      return new Player(
          Optional.empty(), Optional.of(view.t("player.mayNotListen")), Optional.empty());
    }
    ListeningSession session;
    try {
      session = recordings.listening().open(p, ClientInfo.of(ctx), id);
    } catch (ProblemException e) {
      return new Player(
          Optional.empty(), Optional.of(Form.problemText(view.t(), e)), Optional.empty());
    }
    Optional<Waveform> waveform;
    try {
      WaveformView peaks = recordings.waveforms().waveform(p, id);
      waveform = Optional.of(Waveform.of(peaks));
    } catch (IOException | RuntimeException e) {
      LOG.warn("no waveform for recording {}", id, e);
      waveform = Optional.empty();
    }
    return new Player(Optional.of(session), Optional.empty(), waveform);
  }

  private NotesModel notes(Principal p, UUID id, Form form) {
    return new NotesModel(
        id, recordings.notes().notes(p, id), recordings.evaluation().setup(p), form);
  }

  private ShareModel shares(Principal p, UUID id, Form form, ZoneId zone) {
    return new ShareModel(id, recordings.sharing().links(p, id), form, zone);
  }

  private void saveNotes(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "recordingId");
    View view = View.of(ctx, p, View.Section.RECORDINGS);
    Form form = Form.of(ctx, "callResult", "customerResponse", "flag", "tag");
    try {
      recordings
          .notes()
          .save(
              p,
              ClientInfo.of(ctx),
              id,
              new NotesInput(
                  uuid(form.get("callResult")),
                  uuid(form.get("customerResponse")),
                  flag(form.get("flag")),
                  form.get("tag").isBlank() ? null : form.get("tag").strip()));
      form = Form.empty().message(view.t("notice.notesSaved"));
    } catch (ProblemException.Invalid e) {
      form.errors(view.t(), e, Map.of());
      ctx.status(422);
    }
    if (Pages.htmx(ctx)) {
      templates.render(ctx, "recordings/notesTab.jte", view, notes(p, id, form));
    } else if (ctx.status().getCode() == 422) {
      page(ctx, p);
    } else {
      Pages.done(ctx, "/recordings/" + id + "#notes", "notesSaved");
    }
  }

  private void saveEvaluation(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "recordingId");
    View view = View.of(ctx, p, View.Section.RECORDINGS);
    Map<UUID, String> answers = new LinkedHashMap<>();
    ctx.formParamMap()
        .forEach((name, values) -> {
          if (name.startsWith("q-") && !values.isEmpty()) {
            UUID question = uuid(name.substring(2));
            if (question != null) {
              answers.put(question, values.getFirst().strip());
            }
          }
        });
    Form form = new Form();
    try {
      recordings.evaluation().answer(p, ClientInfo.of(ctx), id, answers);
      form.message(view.t("notice.evaluationSaved"));
    } catch (ProblemException.Invalid e) {
      form.errors(view.t(), e, Map.of());
      ctx.status(422);
    }
    EvaluationModel model = new EvaluationModel(id, recordings.evaluation().answers(p, id), form);
    if (Pages.htmx(ctx)) {
      templates.render(ctx, "recordings/evaluationTab.jte", view, model);
    } else {
      Pages.done(ctx, "/recordings/" + id + "#evaluation", "evaluationSaved");
    }
  }

  private void share(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "recordingId");
    View view = View.of(ctx, p, View.Section.RECORDINGS);
    Form form = Form.of(ctx, "to", "subject");
    ZoneId zone = recordings.access().settings(p.tenantId()).timeZone();
    try {
      recordings
          .sharing()
          .share(
              p,
              ClientInfo.of(ctx),
              id,
              new ShareInput(form.get("to").strip(), form.get("subject").strip(), view.lang()));
      form = Form.empty().message(view.t("share.sent"));
    } catch (ProblemException.Invalid e) {
      form.errors(view.t(), e, Map.of());
      ctx.status(422);
    }
    if (Pages.htmx(ctx)) {
      templates.render(ctx, "recordings/shareTab.jte", view, shares(p, id, form, zone));
    } else {
      Pages.done(ctx, "/recordings/" + id + "#email", "shared");
    }
  }

  static UUID uuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Flag flag(String value) {
    try {
      return value == null || value.isBlank()
          ? Flag.NONE
          : Flag.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.Invalid.of("flag", "invalid-value", "No such flag.");
    }
  }
}
