package se.vittne.admin.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vittne.admin.access.Principal;
import se.vittne.admin.server.Authenticator;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.Problem;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.ProblemPages;

/**
 * The web app's answers to problems on its pages: a browser that is not logged in is sent to the
 * login page (and back afterwards), one with a pending first-login step to that step, and anything
 * else gets a page in its language saying what went wrong, with the problem's status. A request is
 * a page request when the browser asks for HTML or htmx sends it; programs calling a page's address
 * keep getting problem JSON.
 */
public final class WebProblems implements ProblemPages {
  private final Templates templates;
  private final Authenticator authenticator;

  public WebProblems(Templates templates, Authenticator authenticator) {
    this.templates = templates;
    this.authenticator = authenticator;
  }

  /**
   * A problem as the error page shows it.
   *
   * @param status the HTTP status
   * @param title its translated title
   * @param text what to do about it
   * @param errors the field errors, translated
   */
  public record ErrorModel(int status, String title, String text, List<String> errors) {}

  @Override
  public boolean handles(Context ctx) {
    String accept = ctx.header("Accept");
    return htmx(ctx) || (accept != null && accept.contains("text/html"));
  }

  static boolean htmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  @Override
  public void render(Context ctx, Problem problem, Map<String, String> headers) {
    headers.forEach(ctx::header);
    String slug = problem.type().replace(Problem.TYPE_PREFIX, "");
    Optional<String> step =
        switch (slug) {
          case "unauthenticated" -> Optional.of("/login" + next(ctx));
          case "password-change-required" -> Optional.of("/password");
          case "licence-acceptance-required" -> Optional.of("/licence");
          default -> Optional.empty();
        };
    if (step.isPresent()) {
      if (htmx(ctx)) {
        ctx.header("HX-Redirect", step.get()).status(problem.status());
      } else {
        ctx.redirect(step.get(), HttpStatus.SEE_OTHER);
      }
      return;
    }
    Optional<Principal> principal = principal(ctx);
    View view = View.of(ctx, principal, View.Section.NONE);
    Text t = view.t();
    String titleKey = "problem." + slug;
    String title =
        t.get(titleKey).startsWith("[")
            ? t.get("problem.status." + problem.status())
            : t.get(titleKey);
    if (title.startsWith("[")) {
      title = t.get("problem.generic");
    }
    String textKey = "problem." + slug + ".text";
    String text = t.get(textKey).startsWith("[") ? problem.detail() : t.get(textKey);
    List<String> errors = problem.errors().stream().map(e -> fieldError(t, e)).toList();
    ctx.status(problem.status());
    templates.render(ctx, "error.jte", view, new ErrorModel(problem.status(), title, text, errors));
  }

  /** A field error in the page's language: by its code when there are words for it. */
  public static String fieldError(Text t, FieldError e) {
    String byCode = t.get("error." + e.code());
    String message = byCode.startsWith("[") ? e.message() : byCode;
    String prefix = e.line() != null ? t.get("error.line", e.line()) + " " : "";
    String field = t.get("field." + e.field());
    return prefix + (field.startsWith("[") ? e.field() : field) + ": " + message;
  }

  private Optional<Principal> principal(Context ctx) {
    try {
      return authenticator.authenticate(ctx);
    } catch (ProblemException e) {
      return Optional.empty();
    }
  }

  private static String next(Context ctx) {
    if (!"GET".equals(ctx.method().name()) || htmx(ctx)) {
      return "";
    }
    String query = ctx.queryString();
    String path = ctx.path() + (query == null ? "" : "?" + query);
    return "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }
}
