package se.vittne.capture.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The management port: {@code /metrics} in the Prometheus text format, {@code /health/live} (the
 * process answers) and {@code /health/ready} (every {@link HealthCheck} passes: 200, or 503 with
 * the failing checks). Separate from the SIP and RTP ports so that it can be firewalled to the
 * monitoring network.
 */
public final class ManagementServer implements AutoCloseable {
  private static final String JSON = "application/json; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private ManagementServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the server; port 0 lets the OS choose. */
  public static ManagementServer start(
      InetSocketAddress bind, PrometheusMeterRegistry registry, List<HealthCheck> checks)
      throws IOException {
    HttpServer server = HttpServer.create(bind, 16);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/metrics", exchange -> metrics(exchange, registry));
    server.createContext("/health/live", exchange -> live(exchange));
    server.createContext("/health/ready", exchange -> ready(exchange, checks));
    server.createContext("/", exchange -> send(exchange, 404, JSON, problem("not found")));
    server.start();
    return new ManagementServer(server, executor);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private static void metrics(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    if (!isGet(exchange)) {
      return;
    }
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }

  private static void live(HttpExchange exchange) throws IOException {
    if (isGet(exchange)) {
      send(exchange, 200, JSON, "{\"status\":\"UP\"}");
    }
  }

  private static void ready(HttpExchange exchange, List<HealthCheck> checks) throws IOException {
    if (!isGet(exchange)) {
      return;
    }
    List<HealthStatus> results = checks.stream().map(HealthCheck::check).toList();
    boolean up = results.stream().allMatch(HealthStatus::healthy);
    StringBuilder body = new StringBuilder();
    body.append("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":[");
    for (int i = 0; i < results.size(); i++) {
      HealthStatus status = results.get(i);
      body.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(jsonEscape(status.name()))
          .append("\",\"status\":\"")
          .append(status.healthy() ? "UP" : "DOWN")
          .append("\",\"detail\":\"")
          .append(jsonEscape(status.detail()))
          .append("\"}");
    }
    body.append("]}");
    send(exchange, up ? 200 : 503, JSON, body.toString());
  }

  private static boolean isGet(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return true;
    }
    exchange.getResponseHeaders().add("Allow", "GET, HEAD");
    send(exchange, 405, JSON, problem("method " + method + " not allowed"));
    return false;
  }

  private static String problem(String detail) {
    return "{\"title\":\"" + jsonEscape(detail) + "\"}";
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  static String jsonEscape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
