package se.vittne.admin.web.recordings;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vittne.admin.access.Principal;
import se.vittne.admin.recordings.InvalidQuery;
import se.vittne.admin.web.Filters;
import se.vittne.admin.web.View;
import se.vittne.admin.web.WebProblems;

/** The filter panel and the rows it finds, as the list and the delete page show them. */
public final class RecordingListing {
  private RecordingListing() {}

  /**
   * The list's model.
   *
   * @param panel the filter panel
   * @param result the rows, absent when the filters are wrong
   */
  public record ListModel(Filters.Panel panel, Optional<Filters.Result> result) {}

  /** Runs the search, or shows what is wrong with the filters (400). */
  public static ListModel model(
      Context ctx, Principal p, View view, Map<String, List<String>> values, Filters filters) {
    try {
      Filters.Result result = filters.search(p, values);
      return new ListModel(filters.panel(p, values, List.of()), Optional.of(result));
    } catch (InvalidQuery e) {
      ctx.status(400);
      List<String> errors =
          e.fieldErrors().stream().map(f -> WebProblems.fieldError(view.t(), f)).toList();
      return new ListModel(filters.panel(p, values, errors), Optional.empty());
    }
  }
}
