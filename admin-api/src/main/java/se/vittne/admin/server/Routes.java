package se.vittne.admin.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import se.vittne.admin.access.Permission;

/**
 * The route registry. Every feature registers its endpoints here, each with the permission it needs
 * and its OpenAPI description:
 *
 * <pre>{@code
 * routes.post("/api/v1/departments", Permission.MANAGE_DIRECTORY, this::create)
 *     .doc("Directory", "Add a department")
 *     .body(DepartmentInput.class)
 *     .returns(201, "The department", DepartmentView.class);
 * }</pre>
 *
 * The server, the OpenAPI document and the permission-matrix test all read {@link #all()}, so a
 * route cannot exist without a permission, a description and a matrix entry.
 */
public final class Routes {
  public static final String JSON = "application/json";

  private final List<Spec> specs = new ArrayList<>();

  public Spec get(String path, Permission permission, SecuredHandler handler) {
    return guarded(HandlerType.GET, path, permission, handler);
  }

  public Spec post(String path, Permission permission, SecuredHandler handler) {
    return guarded(HandlerType.POST, path, permission, handler);
  }

  public Spec put(String path, Permission permission, SecuredHandler handler) {
    return guarded(HandlerType.PUT, path, permission, handler);
  }

  public Spec delete(String path, Permission permission, SecuredHandler handler) {
    return guarded(HandlerType.DELETE, path, permission, handler);
  }

  /** A route anyone may call without logging in. */
  public Spec open(HandlerType method, String path, Handler handler) {
    return add(method, path, Permission.PUBLIC, new Route.Action.Open(handler));
  }

  private Spec guarded(HandlerType method, String path, Permission p, SecuredHandler handler) {
    if (p == Permission.PUBLIC) {
      throw new IllegalArgumentException(path + ": register public routes with open()");
    }
    return add(method, path, p, new Route.Action.Guarded(handler));
  }

  private Spec add(HandlerType method, String path, Permission permission, Route.Action action) {
    Spec spec = new Spec(method, path, permission, action);
    specs.add(spec);
    return spec;
  }

  /** Every registered route, in registration order; fails on a duplicate or undocumented one. */
  public List<Route> all() {
    Set<String> keys = new HashSet<>();
    List<Route> routes = new ArrayList<>();
    for (Spec spec : specs) {
      Route route = spec.build();
      if (!keys.add(route.key())) {
        throw new IllegalStateException("registered twice: " + route.key());
      }
      routes.add(route);
    }
    return List.copyOf(routes);
  }

  /** A route being registered: its description is added fluently. */
  public static final class Spec {
    private final HandlerType method;
    private final String path;
    private final Permission permission;
    private final Route.Action action;
    private String operationId;
    private String tag;
    private String summary;
    private String description = "";
    private ApiDoc.Body body;
    private final List<ApiDoc.Response> responses = new ArrayList<>();
    private final List<ApiDoc.QueryParam> query = new ArrayList<>();

    private Spec(HandlerType method, String path, Permission permission, Route.Action action) {
      this.method = method;
      this.path = path;
      this.permission = permission;
      this.action = action;
    }

    /** The group it is listed under and a one-line summary. */
    public Spec doc(String tag, String summary) {
      this.tag = tag;
      this.summary = summary;
      return this;
    }

    public Spec description(String description) {
      this.description = description;
      return this;
    }

    /** A unique operation name; by default made from the method and path. */
    public Spec id(String operationId) {
      this.operationId = operationId;
      return this;
    }

    /** A JSON request body read into {@code type}. */
    public Spec body(Type type) {
      return body(JSON, type);
    }

    public Spec body(String mediaType, Type type) {
      this.body = new ApiDoc.Body(mediaType, type);
      return this;
    }

    /** A JSON answer written from {@code type}. */
    public Spec returns(int status, String description, Type type) {
      return returns(status, description, JSON, type);
    }

    public Spec returns(int status, String description, String mediaType, Type type) {
      responses.add(new ApiDoc.Response(status, description, mediaType, type));
      return this;
    }

    /** An answer without a body (204, or an error specific to this route). */
    public Spec status(int status, String description) {
      responses.add(new ApiDoc.Response(status, description, null, null));
      return this;
    }

    public Spec query(String name, Class<?> type, String description) {
      query.add(new ApiDoc.QueryParam(name, type, false, description));
      return this;
    }

    public Spec requiredQuery(String name, Class<?> type, String description) {
      query.add(new ApiDoc.QueryParam(name, type, true, description));
      return this;
    }

    private Route build() {
      if (tag == null || summary == null) {
        throw new IllegalStateException(method + " " + path + " has no doc(tag, summary)");
      }
      if (responses.stream().noneMatch(r -> r.status() < 400)) {
        throw new IllegalStateException(method + " " + path + " documents no success answer");
      }
      ApiDoc doc =
          new ApiDoc(
              operationId != null ? operationId : defaultOperationId(),
              tag,
              summary,
              description,
              Optional.ofNullable(body),
              responses,
              query);
      return new Route(method, path, permission, action, doc);
    }

    private String defaultOperationId() {
      StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
      for (String part : path.split("[/{}\\-.]+")) {
        if (!part.isEmpty()) {
          id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
      }
      return id.toString();
    }
  }
}
