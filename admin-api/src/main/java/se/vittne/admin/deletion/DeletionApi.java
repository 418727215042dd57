package se.vittne.admin.deletion;

import static se.vittne.admin.access.Permission.MANAGE_RECORDINGS;

import se.vittne.admin.deletion.DeletionService.DeletionInput;
import se.vittne.admin.deletion.DeletionService.DeletionReceipt;
import se.vittne.admin.deletion.DeletionService.DeletionView;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;

/** Delete recordings: by ID or by filter, with an explicit confirmation. Super users. */
public final class DeletionApi implements RouteModule {
  private static final String TAG = "Deletion";

  private final DeletionService deletions;

  public DeletionApi(DeletionService deletions) {
    this.deletions = deletions;
  }

  @Override
  public void register(Routes routes) {
    routes
        .post(
            "/api/v1/deletions",
            MANAGE_RECORDINGS,
            (ctx, p) ->
                ctx.status(202).json(deletions.request(p, Json.read(ctx, DeletionInput.class))))
        .doc(TAG, "Delete recordings: chosen ones, or all that match a filter (R-61)")
        .description(
            "Needs confirm: true (\"I understand the consequences\"). Either ids (every one must"
                + " name a recording of the tenant, or nothing is filed: 404) or filter (the"
                + " search's query parameters as fields; no limit unless given). The recordings"
                + " are erased, audio and all, within one hour; the request and every erasure are"
                + " audited.")
        .body(DeletionInput.class)
        .returns(202, "Filed; erased by dueBy", DeletionReceipt.class)
        .status(400, "A filter is wrong")
        .status(404, "An ID names no recording of the tenant");
    routes
        .get("/api/v1/deletions", MANAGE_RECORDINGS, (ctx, p) -> ctx.json(deletions.list(p)))
        .doc(TAG, "The latest 100 deletion requests, newest first")
        .returns(200, "The requests", Types.listOf(DeletionView.class));
    routes
        .get(
            "/api/v1/deletions/{deletionId}",
            MANAGE_RECORDINGS,
            (ctx, p) -> ctx.json(deletions.find(p, Params.id(ctx, "deletionId"))))
        .doc(TAG, "A deletion request: pending or done")
        .returns(200, "The request", DeletionView.class)
        .status(404, "No such request");
  }
}
