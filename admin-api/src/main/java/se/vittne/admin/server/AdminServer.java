package se.vittne.admin.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The admin HTTP server: Javalin on Jetty 12 with virtual threads. It registers the routes it is
 * given, each guarded route behind the one {@link Guard}; resolves the client (through trusted
 * proxies) and sets the security headers before every request; maps every failure to problem JSON
 * in one place; limits request and header sizes; and times every request by route.
 */
public final class AdminServer implements AutoCloseable {
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Javalin app;
  private final List<Route> routes;

  private AdminServer(Javalin app, List<Route> routes) {
    this.app = app;
    this.routes = routes;
  }

  public static AdminServer start(
      ServerConfig config,
      List<Route> routes,
      Guard guard,
      MeterRegistry metrics,
      Optional<ProblemPages> pages) {
    ProblemMapper problems = new ProblemMapper(pages);
    Javalin app =
        Javalin.create(c -> {
          configure(c, config, metrics);
          problems.register(c.routes);
          c.routes.before(ctx -> {
            ClientInfo client =
                config
                    .proxies()
                    .resolve(
                        ctx.req().getRemoteAddr(),
                        ctx.req().isSecure(),
                        ctx.header("X-Forwarded-For"),
                        ctx.header("X-Forwarded-Proto"));
            ctx.attribute(ClientInfo.ATTRIBUTE, client);
            SecurityHeaders.apply(ctx, client);
          });
          for (Route route : routes) {
            c.routes.addHttpHandler(route.method(), route.path(), handler(route, guard));
          }
        });
    app.start(config.host(), config.port());
    return new AdminServer(app, routes);
  }

  private static void configure(JavalinConfig c, ServerConfig config, MeterRegistry metrics) {
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.concurrency.useVirtualThreads = true;
    c.http.maxRequestSize = config.maxRequestBytes();
    c.http.generateEtags = false;
    c.jsonMapper(new JavalinJackson(Json.mapper(), true));
    c.staticFiles.enableWebjars();
    // the web app's own scripts and styles (the content security policy allows no inline script)
    c.staticFiles.add(files -> {
      files.hostedPath = "/static";
      files.directory = "/static";
      files.location = Location.CLASSPATH;
    });
    c.jetty.modifyHttpConfiguration(http -> {
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      http.setRequestHeaderSize(MAX_HEADER_BYTES);
    });
    c.jetty.modifyServletContextHandler(handler ->
        handler.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, config.maxRequestBytes())));
    c.requestLogger.http((ctx, millis) -> time(metrics, ctx, millis));
  }

  private static Handler handler(Route route, Guard guard) {
    return switch (route.action()) {
      case Route.Action.Open open -> open.handler();
      case Route.Action.Guarded guarded ->
          ctx -> guarded.handler().handle(ctx, guard.admit(ctx, route.permission()));
    };
  }

  private static void time(MeterRegistry metrics, Context ctx, float millis) {
    String route;
    try {
      route = ctx.endpoint() != null ? ctx.endpoint().path : "unmatched";
    } catch (RuntimeException e) {
      route = "unmatched";
    }
    Timer.builder("vittne.admin.http.requests")
        .description("HTTP requests to the admin API and web app")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(metrics)
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
  }

  public int port() {
    return app.port();
  }

  /** Every route the server answers, as registered. */
  public List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    app.stop();
  }
}
