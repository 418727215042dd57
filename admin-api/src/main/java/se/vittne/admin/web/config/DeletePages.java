package se.vittne.admin.web.config;

import static se.vittne.admin.access.Permission.MANAGE_RECORDINGS;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import se.vittne.admin.RecordingModules;
import se.vittne.admin.access.Principal;
import se.vittne.admin.deletion.DeletionService.DeletionInput;
import se.vittne.admin.deletion.DeletionService.DeletionReceipt;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Filters;
import se.vittne.admin.web.Form;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.admin.web.recordings.RecordingListing;

/**
 * Configuration > Delete recordings: filter as on the list, select some or all shown, tick
 * "I understand the consequences", and the recordings are erased within the hour by the deletion
 * job. Without the tick nothing is requested.
 */
public final class DeletePages implements RouteModule {
  private static final String PAGE = "/config/delete";

  private final RecordingModules.Services recordings;
  private final Filters filters;
  private final Templates templates;

  public DeletePages(RecordingModules.Services recordings, Filters filters, Templates templates) {
    this.recordings = recordings;
    this.filters = filters;
    this.templates = templates;
  }

  /**
   * The page.
   *
   * @param list the filter panel and the rows
   * @param form the confirmation's outcome
   * @param query the filters as the page's query string, to post back with "delete all"
   * @param receipt what was requested, after a deletion
   */
  public record DeleteModel(
      RecordingListing.ListModel list,
      Form form,
      String query,
      java.util.Optional<DeletionReceipt> receipt) {}

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get(PAGE, MANAGE_RECORDINGS, this::page), "Delete recordings");
    Pages.form(
        routes.post(PAGE, MANAGE_RECORDINGS, this::delete), "Delete the selected, or all shown");
  }

  private void page(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    Map<String, List<String>> values = Filters.parameters(ctx);
    templates.render(
        ctx,
        "config/delete.jte",
        view,
        new DeleteModel(
            RecordingListing.model(ctx, p, view, values, filters),
            Form.empty(),
            Objects.requireNonNullElse(ctx.queryString(), ""),
            java.util.Optional.empty()));
  }

  private void delete(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    Map<String, List<String>> values = Filters.parameters(ctx);
    boolean all = "all".equals(ctx.formParam("scope"));
    List<UUID> ids =
        ctx.formParams(all ? "shown" : "id").stream()
            .map(LoginPages::uuid)
            .filter(Objects::nonNull)
            .toList();
    boolean confirmed = ctx.formParam("confirm") != null;
    Form form = new Form();
    if (!confirmed) {
      form.error("confirm", view.t("delete.confirmMissing"));
    } else if (ids.isEmpty()) {
      form.message(view.t("delete.noneSelected"));
    }
    if (!form.failed()) {
      try {
        DeletionReceipt receipt =
            recordings
                .deletions()
                .request(p, new DeletionInput(ids, null, Boolean.TRUE, ctx.formParam("reason")));
        render(ctx, p, view, values, Form.empty(), java.util.Optional.of(receipt));
        return;
      } catch (ProblemException.Invalid e) {
        form.errors(view.t(), e, Map.of());
      }
    }
    ctx.status(422);
    render(ctx, p, view, values, form, java.util.Optional.empty());
  }

  private void render(
      Context ctx,
      Principal p,
      View view,
      Map<String, List<String>> values,
      Form form,
      java.util.Optional<DeletionReceipt> receipt) {
    int status = ctx.status().getCode();
    RecordingListing.ListModel list = RecordingListing.model(ctx, p, view, values, filters);
    ctx.status(status);
    templates.render(
        ctx,
        "config/delete.jte",
        view,
        new DeleteModel(list, form, Objects.requireNonNullElse(ctx.queryString(), ""), receipt));
  }
}
