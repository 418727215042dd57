package se.vittne.admin.web.home;

import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vittne.admin.RecordingModules;
import se.vittne.admin.access.Principal;
import se.vittne.admin.overview.OverviewService.CallOverview;
import se.vittne.admin.recordings.InvalidQuery;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Filters;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.admin.web.WebProblems;
import se.vittne.storage.login.LoginRole;

/**
 * The start page: for My Console users their own calls made and received in the chosen
 * period and their call history; for supervisors the overview of calls per direction with a chart
 * per day, and the links to recordings, configuration and help. And the help page.
 */
public final class HomePages implements RouteModule {
  /** The periods the start page offers. */
  public static final List<String> PERIODS =
      List.of(
          "today",
          "yesterday",
          "this-week",
          "last-week",
          "last-seven-days",
          "this-month",
          "last-month");

  private static final String DEFAULT_PERIOD = "last-seven-days";
  private static final int HISTORY_ROWS = 50;

  private final RecordingModules.Services recordings;
  private final Filters filters;
  private final Templates templates;
  private final se.vittne.admin.server.Authenticator authenticator;

  public HomePages(
      RecordingModules.Services recordings,
      Filters filters,
      Templates templates,
      se.vittne.admin.server.Authenticator authenticator) {
    this.recordings = recordings;
    this.filters = filters;
    this.templates = templates;
    this.authenticator = authenticator;
  }

  /**
   * The start page's model.
   *
   * @param period the period shown
   * @param overview the counts, absent when the period is wrong
   * @param chart the chart of calls per day and direction
   * @param history My Console's own recent recordings
   * @param myConsole whether the login is a My Console user
   * @param errors what is wrong with the period
   */
  public record HomeModel(
      String period,
      Optional<CallOverview> overview,
      Optional<Chart> chart,
      Optional<Filters.Result> history,
      boolean myConsole,
      List<String> errors) {}

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get("/", VIEW_RECORDINGS, this::home), "The start page");
    Pages.doc(routes.open(HandlerType.GET, "/help", this::help), "Help");
  }

  private void home(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.HOME);
    String period =
        Optional.ofNullable(ctx.queryParam("period"))
            .filter(PERIODS::contains)
            .orElse(DEFAULT_PERIOD);
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("period", List.of(period));
    boolean myConsole = p.role() == LoginRole.MY_CONSOLE;
    try {
      CallOverview overview = recordings.overview().calls(p, parameters);
      Optional<Filters.Result> history = Optional.empty();
      if (myConsole) {
        Map<String, List<String>> own = new LinkedHashMap<>(parameters);
        own.put("limit", List.of(Integer.toString(HISTORY_ROWS)));
        history = Optional.of(filters.search(p, own));
      }
      templates.render(
          ctx,
          "home/home.jte",
          view,
          new HomeModel(
              period,
              Optional.of(overview),
              Optional.of(Chart.of(overview, view.t())),
              history,
              myConsole,
              List.of()));
    } catch (InvalidQuery e) {
      ctx.status(400);
      templates.render(
          ctx,
          "home/home.jte",
          view,
          new HomeModel(
              period,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              myConsole,
              e.fieldErrors().stream().map(f -> WebProblems.fieldError(view.t(), f)).toList()));
    }
  }

  private void help(Context ctx) {
    Optional<Principal> p;
    try {
      p = authenticator.authenticate(ctx);
    } catch (ProblemException e) {
      p = Optional.empty();
    }
    templates.render(ctx, "home/help.jte", View.of(ctx, p, View.Section.HELP));
  }
}
