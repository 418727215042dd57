package se.vittne.admin.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import se.vittne.admin.server.Route;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;

/**
 * Serves the OpenAPI document of every registered route at {@code /api/v1/openapi.json} and Swagger
 * UI (from its webjar) at {@code /api/docs}. The page loads its script from this server, so the
 * content security policy needs no inline scripts.
 */
public final class OpenApiApi implements RouteModule {
  private static final String TAG = "Operations";
  static final String DOCUMENT = "/api/v1/openapi.json";

  private final Supplier<List<Route>> routes;
  private final String version;
  private volatile String document;

  /**
   * @param routes every route of the server, asked once the server is assembled
   * @param version the API's version for the document's info
   */
  public OpenApiApi(Supplier<List<Route>> routes, String version) {
    this.routes = routes;
    this.version = version;
  }

  @Override
  public void register(Routes r) {
    r.open(HandlerType.GET, DOCUMENT, this::document)
        .doc(TAG, "This API's OpenAPI 3 document")
        .returns(200, "The document", "application/json", Object.class);
    r.open(HandlerType.GET, "/api/docs", this::page)
        .doc(TAG, "Swagger UI for this API")
        .returns(200, "An HTML page", "text/html", String.class);
    r.open(HandlerType.GET, "/api/docs/initializer.js", this::initializer)
        .doc(TAG, "The script that starts Swagger UI")
        .returns(200, "A script", "text/javascript", String.class);
  }

  private void document(Context ctx) throws JsonProcessingException {
    String json = document;
    if (json == null) {
      json = Json.mapper().writeValueAsString(OpenApiDocument.build(routes.get(), version));
      document = json;
    }
    ctx.contentType("application/json").result(json);
  }

  private void page(Context ctx) {
    String base = "/webjars/swagger-ui/" + SwaggerUi.VERSION;
    ctx.html(
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Vittne admin API</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script src="/api/docs/initializer.js"></script>
        </body>
        </html>
        """
            .formatted(base));
  }

  private void initializer(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8")
        .result(
            "window.onload = function () {\n"
                + "  window.ui = SwaggerUIBundle({ url: '"
                + DOCUMENT
                + "', dom_id: '#swagger-ui', withCredentials: true });\n"
                + "};\n");
  }

  /** The Swagger UI webjar's version, read from the webjar itself. */
  static final class SwaggerUi {
    static final String VERSION = version();

    private SwaggerUi() {}

    private static String version() {
      try (InputStream in =
          OpenApiApi.class.getResourceAsStream(
              "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
        if (in == null) {
          throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
        }
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
