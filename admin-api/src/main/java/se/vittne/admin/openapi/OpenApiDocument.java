package se.vittne.admin.openapi;

import io.javalin.http.HandlerType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vittne.admin.access.Permission;
import se.vittne.admin.auth.SessionCookies;
import se.vittne.admin.server.ApiDoc;
import se.vittne.admin.server.Guard;
import se.vittne.admin.server.Problem;
import se.vittne.admin.server.Route;

/**
 * Builds the OpenAPI 3.0 document from the registered routes: every route, its parameters, body and
 * answers (schemas resolved from the Java records by swagger-core), the errors every guarded route
 * can give, how to authenticate (session cookie plus CSRF header, or a bearer token), and the
 * permission and token scope each operation needs ({@code x-vittne-permission}, {@code
 * x-vittne-scope}).
 */
public final class OpenApiDocument {
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String SESSION = "session";
  private static final String CSRF = "csrf";
  private static final String BEARER = "bearer";

  private OpenApiDocument() {}

  public static OpenAPI build(List<Route> routes, String version) {
    Components components = new Components();
    components.addSecuritySchemes(
        SESSION,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE)
            .name(SessionCookies.NAME)
            .description(
                "The session cookie set by POST /api/v1/auth/login (named "
                    + SessionCookies.SECURE_NAME
                    + " under HTTPS)."));
    components.addSecuritySchemes(
        CSRF,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name(Guard.CSRF_HEADER)
            .description("The session's CSRF token; required with the cookie on every change."));
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description("An API token from POST /api/v1/auth/tokens, limited to its scopes."));
    Schemas schemas = new Schemas(components);
    Schema<?> problem = schemas.of(Problem.class);

    Paths paths = new Paths();
    Set<String> tags = new LinkedHashSet<>();
    for (Route route : routes) {
      tags.add(route.doc().tag());
      PathItem item = paths.computeIfAbsent(route.path(), p -> new PathItem());
      item.operation(method(route.method()), operation(route, schemas, problem));
    }
    OpenAPI api =
        new OpenAPI()
            .info(
                new Info()
                    .title("Vittne admin API")
                    .version(version)
                    .description(
                        "Everything the web app does, with the same permissions (R-70). Errors are"
                            + " application/problem+json; another tenant's IDs answer 404, as if"
                            + " they did not exist.")
                    .license(new License().name("Apache-2.0")))
            .components(components)
            .paths(paths);
    tags.forEach(t -> api.addTagsItem(new Tag().name(t)));
    return api;
  }

  private static Operation operation(Route route, Schemas schemas, Schema<?> problem) {
    ApiDoc doc = route.doc();
    Operation op =
        new Operation()
            .operationId(doc.operationId())
            .summary(doc.summary())
            .addTagsItem(doc.tag());
    String description = doc.description();
    if (route.permission() != Permission.PUBLIC) {
      String needs =
          "Needs "
              + route.permission().name()
              + " (roles "
              + route.permission().roles()
              + (route.permission().flag() == Permission.Flag.NONE
                  ? ""
                  : ", flag " + route.permission().flag())
              + ")"
              + route
                  .permission()
                  .scope()
                  .map(s -> s.isEmpty() ? "; any API token" : "; API tokens need scope " + s)
                  .orElse("; browser sessions only")
              + ".";
      description = description.isEmpty() ? needs : description + "\n\n" + needs;
    }
    if (!description.isEmpty()) {
      op.description(description);
    }
    op.addExtension("x-vittne-permission", route.permission().name());
    route
        .permission()
        .scope()
        .filter(s -> !s.isEmpty())
        .ifPresent(s -> op.addExtension("x-vittne-scope", s));

    Matcher m = PATH_PARAMETER.matcher(route.path());
    while (m.find()) {
      String name = m.group(1);
      StringSchema schema = new StringSchema();
      if (name.endsWith("Id")) {
        schema.format("uuid");
      }
      op.addParametersItem(new Parameter().in("path").name(name).required(true).schema(schema));
    }
    for (ApiDoc.QueryParam q : doc.query()) {
      op.addParametersItem(
          new Parameter()
              .in("query")
              .name(q.name())
              .required(q.required())
              .description(q.description())
              .schema(schemas.of(q.type())));
    }
    doc.body()
        .ifPresent(b ->
            op.requestBody(
                new RequestBody()
                    .required(true)
                    .content(content(b.mediaType(), schemas.of(b.schema())))));

    ApiResponses responses = new ApiResponses();
    Map<Integer, ApiResponse> byStatus = new TreeMap<>();
    for (ApiDoc.Response r : doc.responses()) {
      ApiResponse response = new ApiResponse().description(r.description());
      if (r.schema() != null) {
        response.content(content(r.mediaType(), schemas.of(r.schema())));
      } else if (r.status() >= 400) {
        response.content(content(Problem.MEDIA_TYPE, problem));
      }
      byStatus.put(r.status(), response);
    }
    if (route.permission() != Permission.PUBLIC) {
      byStatus.putIfAbsent(401, error("Not logged in, or an invalid API token", problem));
      byStatus.putIfAbsent(403, error("Not allowed, or a first-login step is pending", problem));
      op.addSecurityItem(new SecurityRequirement().addList(SESSION).addList(CSRF));
      if (route.permission().scope().isPresent()) {
        op.addSecurityItem(new SecurityRequirement().addList(BEARER));
      }
    } else {
      op.security(List.of());
    }
    if (route.path().contains("{")) {
      byStatus.putIfAbsent(404, error("No such thing (or another tenant's)", problem));
    }
    if (doc.body().isPresent() || !doc.query().isEmpty()) {
      byStatus.putIfAbsent(422, error("Invalid input, with field errors", problem));
    }
    if (doc.body().isPresent()) {
      byStatus.putIfAbsent(400, error("The body cannot be read", problem));
      byStatus.putIfAbsent(413, error("The body is too large", problem));
      byStatus.putIfAbsent(415, error("The body is not of the media type read", problem));
    }
    byStatus.forEach((status, response) -> responses.addApiResponse(status.toString(), response));
    op.responses(responses);
    return op;
  }

  private static ApiResponse error(String description, Schema<?> problem) {
    return new ApiResponse().description(description).content(content(Problem.MEDIA_TYPE, problem));
  }

  private static Content content(String mediaType, Schema<?> schema) {
    return new Content().addMediaType(mediaType, new MediaType().schema(schema));
  }

  private static PathItem.HttpMethod method(HandlerType method) {
    return PathItem.HttpMethod.valueOf(method.name());
  }

  /** Resolves Java types to schemas, adding named ones to the components once. */
  private static final class Schemas {
    private final Components components;
    private final ModelConverters converters = ModelConverters.getInstance();

    Schemas(Components components) {
      this.components = components;
    }

    Schema<?> of(Type type) {
      ResolvedSchema resolved = converters.readAllAsResolvedSchema(type);
      if (resolved == null || resolved.schema == null) {
        return new Schema<>();
      }
      if (resolved.referencedSchemas != null) {
        resolved.referencedSchemas.forEach((name, schema) -> {
          if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
            components.addSchemas(name, schema);
          }
        });
      }
      Schema<?> schema = resolved.schema;
      if (schema.getName() != null
          && components.getSchemas() != null
          && components.getSchemas().containsKey(schema.getName())) {
        return new Schema<>().$ref("#/components/schemas/" + schema.getName());
      }
      return schema;
    }
  }
}
