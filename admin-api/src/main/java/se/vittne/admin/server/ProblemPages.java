package se.vittne.admin.server;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders a problem for a person rather than a program: the web app registers one so that its pages
 * answer with an HTML page (or a redirect to the login page on 401) instead of problem JSON. The
 * JSON API under {@code /api/} always answers with {@code application/problem+json}.
 */
public interface ProblemPages {
  /** Whether this request is a page request it renders problems for. */
  boolean handles(Context ctx);

  void render(Context ctx, Problem problem, Map<String, String> headers);
}
