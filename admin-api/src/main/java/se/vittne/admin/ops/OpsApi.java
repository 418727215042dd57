package se.vittne.admin.ops;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;

/** /health/live, /health/ready (the database answers) and /metrics (Prometheus text format). */
public final class OpsApi implements RouteModule {
  private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);
  private static final String TAG = "Operations";

  /**
   * A health answer.
   *
   * @param status UP or DOWN
   * @param database UP or DOWN, for readiness
   */
  public record Health(String status, String database) {}

  private final DSLContext dsl;
  private final PrometheusMeterRegistry metrics;

  public OpsApi(DSLContext dsl, PrometheusMeterRegistry metrics) {
    this.dsl = dsl;
    this.metrics = metrics;
  }

  @Override
  public void register(Routes routes) {
    routes
        .open(HandlerType.GET, "/health/live", ctx -> ctx.json(new Health("UP", null)))
        .doc(TAG, "Liveness: the process answers")
        .returns(200, "Alive", Health.class);
    routes
        .open(HandlerType.GET, "/health/ready", this::ready)
        .doc(TAG, "Readiness: the process and its database answer")
        .returns(200, "Ready", Health.class)
        .returns(503, "Not ready", Health.class);
    routes
        .open(HandlerType.GET, "/metrics", this::scrape)
        .doc(TAG, "Metrics in the Prometheus text format")
        .returns(200, "Metrics", "text/plain", String.class);
  }

  private void ready(Context ctx) {
    boolean database;
    try {
      database = dsl.selectOne().fetchSingle().value1() == 1;
    } catch (RuntimeException e) {
      LOG.warn("readiness: the database does not answer: {}", e.toString());
      database = false;
    }
    ctx.status(database ? 200 : 503)
        .json(new Health(database ? "UP" : "DOWN", database ? "UP" : "DOWN"));
  }

  private void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
