package se.vittne.admin.overview;

import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import se.vittne.admin.overview.OverviewService.CallOverview;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;

/** The start pages' call counts. */
public final class OverviewApi implements RouteModule {
  private final OverviewService overview;

  public OverviewApi(OverviewService overview) {
    this.overview = overview;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get(
            "/api/v1/overview/calls",
            VIEW_RECORDINGS,
            (ctx, p) -> ctx.json(overview.calls(p, ctx.queryParamMap())))
        .doc("Overview", "Calls per direction and day in a period, recorded or not (R-25)")
        .description(
            "A super user's overview of the whole tenant; a restricted user's departments; a My"
                + " Console user's own calls made and received. Today by default; at most 366"
                + " days.")
        .query("period", String.class, "today (default), yesterday, this-week, ..., custom")
        .query("from", String.class, "custom period: first day (inclusive)")
        .query("to", String.class, "custom period: last day (inclusive)")
        .returns(200, "The counts", CallOverview.class)
        .status(400, "A parameter is wrong");
  }
}
