package se.vittne.admin.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import se.vittne.admin.server.Routes;

/** What the page modules share: their OpenAPI entries, and answering a form. */
public final class Pages {
  /** The tag pages are listed under in the route list (not in the JSON API's description). */
  public static final String TAG = "Web app";

  private Pages() {}

  /** Describes a page route. */
  public static Routes.Spec doc(Routes.Spec spec, String summary) {
    return spec.doc(TAG, summary).returns(200, "An HTML page", "text/html", String.class);
  }

  /** Describes a form's route: it answers with a redirect to a page. */
  public static Routes.Spec form(Routes.Spec spec, String summary) {
    return spec.doc(TAG, summary)
        .returns(303, "Done: to the page", "text/html", String.class)
        .status(422, "The form again, with what is wrong");
  }

  /** After a change: back to {@code path}, with a notice to show once. */
  public static void done(Context ctx, String path, String notice) {
    String separator = path.contains("?") ? "&" : "?";
    ctx.redirect(path + separator + "notice=" + notice, HttpStatus.SEE_OTHER);
  }

  /** Whether htmx sent the request, so that a fragment answers it. */
  public static boolean htmx(Context ctx) {
    return WebProblems.htmx(ctx);
  }
}
