package se.vittne.admin.recordings;

import static se.vittne.admin.access.Permission.MANAGE_RECORDINGS;
import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;
import static se.vittne.admin.access.Permission.VIEW_RECORDING_HISTORY;

import io.javalin.http.Context;
import se.vittne.admin.access.Principal;
import se.vittne.admin.recordings.RecordingViews.ExpiryInput;
import se.vittne.admin.recordings.RecordingViews.ExpiryView;
import se.vittne.admin.recordings.RecordingViews.HistoryEntry;
import se.vittne.admin.recordings.RecordingViews.RecordingList;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.storage.recording.RecordingQuery;

/** The recordings list, a recording's history and expiry. */
public final class RecordingsApi implements RouteModule {
  static final String TAG = "Recordings";
  public static final String RECORDING = "/api/v1/recordings/{recordingId}";

  private final RecordingSearch search;
  private final RecordingService recordings;

  public RecordingsApi(RecordingSearch search, RecordingService recordings) {
    this.search = search;
    this.recordings = recordings;
  }

  @Override
  public void register(Routes routes) {
    RecordingFilters.document(
            routes
                .get("/api/v1/recordings", VIEW_RECORDINGS, this::list)
                .doc(TAG, "Find recordings (R-50, R-51)")
                .description(
                    "Today's recordings by default, newest first, at most 1000 (limit=0: all)."
                        + " Only the recordings the login may see: its own extension (My Console),"
                        + " its departments (restricted) or the whole tenant (super user). The rows"
                        + " are streamed as they are read; a 400 names every filter that is wrong.")
                .returns(200, "The matching recordings", RecordingList.class)
                .status(400, "A filter is wrong (problem with field errors)"))
        .id("searchRecordings");
    routes
        .get(RECORDING + "/history", VIEW_RECORDING_HISTORY, this::history)
        .doc(TAG, "Who listened to, downloaded, shared, changed or erased it, and when")
        .returns(200, "The recording's history, oldest first", Types.listOf(HistoryEntry.class))
        .status(404, "No such recording (or not one this login may see)");
    routes
        .put(RECORDING + "/expiry", MANAGE_RECORDINGS, this::expiry)
        .doc(TAG, "Change the day the recording is erased (R-60)")
        .description("The day must be after today; the change is audited.")
        .body(ExpiryInput.class)
        .returns(200, "The new expiry date", ExpiryView.class)
        .status(404, "No such recording");
  }

  private void list(Context ctx, Principal p) throws Exception {
    RecordingQuery query = search.query(p, ctx.queryParamMap());
    ctx.status(200).contentType(Routes.JSON);
    search.stream(p, query, ctx.outputStream());
  }

  private void history(Context ctx, Principal p) {
    ctx.json(recordings.history(p, Params.id(ctx, "recordingId")));
  }

  private void expiry(Context ctx, Principal p) {
    ExpiryInput input = Json.read(ctx, ExpiryInput.class);
    ctx.json(
        recordings.changeExpiry(
            p, ClientInfo.of(ctx), Params.id(ctx, "recordingId"), input.expiresOn()));
  }
}
