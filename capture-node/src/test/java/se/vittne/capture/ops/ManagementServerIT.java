package se.vittne.capture.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagementServerIT {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final AtomicBoolean databaseUp = new AtomicBoolean(true);
  final HttpClient http = HttpClient.newHttpClient();
  ManagementServer server;

  @BeforeEach
  void start() throws Exception {
    HealthCheck database =
        () ->
            databaseUp.get()
                ? HealthStatus.up("database", "reachable")
                : HealthStatus.down("database", "connection refused: \"db1\"");
    server =
        ManagementServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            registry,
            List.of(database, () -> HealthStatus.up("sip", "listening")));
  }

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  @Test
  void servesMetricsInThePrometheusTextFormat() throws Exception {
    registry.counter("vittne.sip.requests", "method", "INVITE").increment(3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).contains("vittne_sip_requests_total{method=\"INVITE\"} 3.0");
  }

  @Test
  void readinessIsUpWhenEveryCheckPasses() throws Exception {
    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\",\"detail\":"
                + "\"reachable\"},{\"name\":\"sip\",\"status\":\"UP\",\"detail\":\"listening\"}]}");
  }

  @Test
  void readinessIs503AndNamesTheFailingCheck() throws Exception {
    databaseUp.set(false);

    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .startsWith("{\"status\":\"DOWN\"")
        .contains(
            "{\"name\":\"database\",\"status\":\"DOWN\",\"detail\":\"connection refused:"
                + " \\\"db1\\\"\"}");
  }

  @Test
  void livenessDoesNotDependOnTheChecks() throws Exception {
    databaseUp.set(false);

    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesOtherMethodsAndUnknownPaths() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(get("/admin").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }
}
