package se.vittne.admin.notes;

import static se.vittne.admin.access.Permission.ANNOTATE_RECORDINGS;
import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import se.vittne.admin.notes.NotesService.NotesInput;
import se.vittne.admin.notes.NotesService.NotesView;
import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;

/** A recording's call notes. */
public final class NotesApi implements RouteModule {
  private static final String TAG = "Notes and evaluation";
  private static final String NOTES = RecordingsApi.RECORDING + "/notes";

  private final NotesService notes;

  public NotesApi(NotesService notes) {
    this.notes = notes;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get(
            NOTES,
            VIEW_RECORDINGS,
            (ctx, p) -> ctx.json(notes.notes(p, Params.id(ctx, "recordingId"))))
        .doc(TAG, "The recording's call notes: call result, customer response, flag, tag")
        .returns(200, "The notes", NotesView.class)
        .status(404, "No such recording (or not one this login may see)");
    routes
        .put(
            NOTES,
            ANNOTATE_RECORDINGS,
            (ctx, p) ->
                ctx.json(
                    notes.save(
                        p,
                        ClientInfo.of(ctx),
                        Params.id(ctx, "recordingId"),
                        Json.read(ctx, NotesInput.class))))
        .doc(TAG, "Save the recording's call notes (R-53)")
        .description(
            "Replaces all four: a field left out is cleared. The categories must be the tenant's"
                + " (see GET /api/v1/evaluation). Audited in the recording's history.")
        .body(NotesInput.class)
        .returns(200, "The notes", NotesView.class)
        .status(404, "No such recording (or not one this login may see)");
  }
}
