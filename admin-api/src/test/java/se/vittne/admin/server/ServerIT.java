package se.vittne.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

class ServerIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN =
      new AdminExtension(POSTGRES, MAIL, b -> b.maxRequestBytes(64 * 1024));

  @Test
  void readinessAnswersUpWhenTheDatabaseAnswers() {
    Api.Response r = ADMIN.api().get("/health/ready");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isEqualTo("UP");
    assertThat(r.json().path("database").asText()).isEqualTo("UP");
  }

  @Test
  void anUnknownAddressIsAProblemDocument() {
    Api.Response r = ADMIN.api().get("/api/v1/no-such-thing");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
    assertThat(r.json().path("type").asText()).isEqualTo("urn:vittne:problem:not-found");
    assertThat(r.json().path("status").asInt()).isEqualTo(404);
    assertThat(r.json().path("title").asText()).isEqualTo("Not found");
    assertThat(r.json().path("instance").asText()).isEqualTo("/api/v1/no-such-thing");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (String path : List.of("/health/live", "/api/v1/no-such-thing", "/api/docs")) {
      Api.Response r = ADMIN.api().get(path);

      assertThat(r.header("Content-Security-Policy"))
          .as(path)
          .contains("default-src 'self'")
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-eval");
      assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(r.header("Cache-Control")).as(path).isEqualTo("no-store");
      assertThat(r.header("Server")).as(path).isNull();
    }
  }

  @Test
  void malformedJsonIsABadRequest() {
    Api.Response r =
        ADMIN.api().send("POST", "/api/v1/auth/login", "application/json", "{\"email\":");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.problem()).isEqualTo("bad-request");
  }

  @Test
  void aBodyOfAnotherMediaTypeIsRefused() {
    Api.Response r =
        ADMIN
            .api()
            .send("POST", "/api/v1/auth/login", "application/x-www-form-urlencoded", "email=a");

    assertThat(r.status()).isEqualTo(415);
    assertThat(r.problem()).isEqualTo("unsupported-media-type");
  }

  @Test
  void anUnknownFieldIsNamedInAFieldError() {
    Api.Response r =
        ADMIN.api().post("/api/v1/auth/login", Map.of("email", "a@b.se", "pasword", "x"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.problem()).isEqualTo("validation-failed");
    assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("pasword");
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("unknown-field");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    String big = "{\"email\":\"" + "a".repeat(100 * 1024) + "\"}";

    Api.Response r = ADMIN.api().send("POST", "/api/v1/auth/login", "application/json", big);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
  }

  @Test
  void theOpenApiDocumentDescribesEveryRegisteredRoute() {
    JsonNode doc = ADMIN.api().get("/api/v1/openapi.json").json();

    assertThat(doc.path("openapi").asText()).startsWith("3.");
    List<String> missing = new ArrayList<>();
    for (Route route : ADMIN.app().routes()) {
      JsonNode op = doc.path("paths").path(route.path()).path(route.method().name().toLowerCase());
      if (op.isMissingNode() || op.path("summary").asText().isEmpty()) {
        missing.add(route.key());
      } else {
        assertThat(op.path("x-vittne-permission").asText())
            .as(route.key())
            .isEqualTo(route.permission().name());
        assertThat(op.path("responses").size()).as(route.key()).isPositive();
      }
    }
    assertThat(missing).isEmpty();
    assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
    assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();
  }

  @Test
  void swaggerUiIsServedWithItsAssetsFromThisServer() {
    Api.Response page = ADMIN.api().get("/api/docs");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("/api/docs/initializer.js").doesNotContain("<script>");
    String bundle = page.body().replaceAll("(?s).*src=\"([^\"]*swagger-ui-bundle.js)\".*", "$1");
    assertThat(ADMIN.api().get(bundle).status()).isEqualTo(200);
    assertThat(ADMIN.api().get("/api/docs/initializer.js").body()).contains("/api/v1/openapi.json");
  }

  @Test
  void metricsAreServedForPrometheusAndCountRequestsByRoute() {
    ADMIN.api().get("/health/live");

    Api.Response r = ADMIN.api().get("/metrics");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("vittne_admin_http_requests_seconds_count");
    assertThat(r.body()).contains("route=\"/health/live\"");
    assertThat(r.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void aClientBehindATrustedProxyIsNotSeenUnlessConfigured() {
    var tenant = ADMIN.seed().tenant("Proxy AB");
    var login = ADMIN.seed().login(tenant, LoginRole.SUPER);
    Api.Response r =
        ADMIN
            .api()
            .send(
                "POST",
                "/api/v1/auth/login",
                "application/json",
                "{\"email\":\"" + login.email() + "\",\"password\":\"Correct-Horse-7\"}",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9"));

    assertThat(r.status()).isEqualTo(200);
    // 127.0.0.1 is not a trusted proxy here: the cookie is not Secure, the address is the peer's
    assertThat(r.header("Set-Cookie")).startsWith("vittne_session=").doesNotContain("Secure");
    assertThat(r.header("Strict-Transport-Security")).isNull();
  }
}
