package se.vittne.admin.web.recordings;

import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import se.vittne.admin.RecordingModules;
import se.vittne.admin.access.Principal;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Filters;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;

/** The recordings list with the filter panel; today's recordings by default. */
public final class RecordingPages implements RouteModule {
  private final RecordingModules.Services recordings;
  private final Filters filters;
  private final Templates templates;

  public RecordingPages(
      RecordingModules.Services recordings, Filters filters, Templates templates) {
    this.recordings = recordings;
    this.filters = filters;
    this.templates = templates;
  }

  @Override
  public void register(Routes routes) {
    Pages.doc(
        routes.get("/recordings", VIEW_RECORDINGS, this::list),
        "The recordings list with the filter panel");
  }

  private void list(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.RECORDINGS);
    Map<String, List<String>> values = Filters.parameters(ctx);
    templates.render(
        ctx, "recordings/list.jte", view, RecordingListing.model(ctx, p, view, values, filters));
  }
}
