package se.vittne.admin.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;
import se.vittne.admin.access.Permission;

/**
 * One registered endpoint: method, path, the permission it needs, its handler and its description.
 * The list of routes is the single source of the server's endpoints, its OpenAPI document and the
 * permission-matrix test.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {name}} parameters
 * @param permission what the caller needs; {@link Permission#PUBLIC} for open routes
 * @param action what runs
 * @param doc its OpenAPI description
 */
public record Route(
    HandlerType method, String path, Permission permission, Action action, ApiDoc doc) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(doc, "doc");
    if ((permission == Permission.PUBLIC) != (action instanceof Action.Open)) {
      throw new IllegalArgumentException(
          method + " " + path + ": open handlers, and only they, are PUBLIC");
    }
  }

  /** What a route runs. */
  public sealed interface Action {
    /** A public handler: no principal. */
    record Open(Handler handler) implements Action {}

    /** A guarded handler: the guard authenticates and authorises before it runs. */
    record Guarded(SecuredHandler handler) implements Action {}
  }

  /** "GET /api/v1/departments": how tests and logs name a route. */
  public String key() {
    return method.name() + " " + path;
  }

  /** Whether it is part of the JSON API (else a web page or an operational endpoint). */
  public boolean api() {
    return path.startsWith("/api/");
  }
}
