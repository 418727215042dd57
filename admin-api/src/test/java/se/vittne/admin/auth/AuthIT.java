package se.vittne.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.audit.AuditRecord;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.testing.PostgresExtension;

/** Logging in and out, sessions, "keep me logged in", CSRF and API tokens. */
class AuthIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN =
      new AdminExtension(
          POSTGRES,
          MAIL,
          b -> b.sessionIdleTimeout(Duration.ofMinutes(30)).keepLoggedInFor(Duration.ofDays(30)));

  private TenantId tenant;
  private Login superUser;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    superUser = ADMIN.seed().login(tenant, LoginRole.SUPER);
  }

  @Test
  void loggingInOpensASessionInAnHttpOnlySameSiteCookie() {
    Api browser = ADMIN.api();

    Api.Response r = browser.login(superUser.email(), Seed.PASSWORD);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("login").path("email").asText()).isEqualTo(superUser.email());
    assertThat(r.json().path("login").path("role").asText()).isEqualTo("SUPER");
    assertThat(r.json().path("csrfToken").asText()).hasSizeGreaterThan(30);
    assertThat(r.json().path("pendingSteps")).isEmpty();
    String cookie = r.header("Set-Cookie");
    assertThat(cookie).startsWith("vittne_session=").contains("HttpOnly").contains("SameSite=Lax");
    assertThat(cookie).as("a session cookie ends with the browser").doesNotContain("Max-Age");
    assertThat(browser.get("/api/v1/auth/session").json().path("login").path("id").asText())
        .isEqualTo(superUser.id().toString());
  }

  @Test
  void theAddressIsMatchedIgnoringCase() {
    assertThat(ADMIN.api().login(superUser.email().toUpperCase(), Seed.PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
    Api.Response wrong = ADMIN.api().login(superUser.email(), "Wrong-Horse-7");
    Api.Response unknown = ADMIN.api().login("nobody-" + superUser.email(), Seed.PASSWORD);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.problem()).isEqualTo("invalid-credentials");
    assertThat(unknown.status()).isEqualTo(wrong.status());
    assertThat(unknown.body()).isEqualTo(wrong.body());
    assertThat(wrong.header("Set-Cookie")).isNull();
  }

  @Test
  void aDeactivatedLoginCannotLogInAndItsSessionsStopWorking() {
    Api browser = ADMIN.as(superUser.email());
    new LoginRepository(ADMIN.dsl()).setActive(tenant, superUser.id(), false);

    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(401);
    Api.Response again = ADMIN.api().login(superUser.email(), Seed.PASSWORD);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.problem()).isEqualTo("invalid-credentials");
  }

  @Test
  void withoutASessionEveryGuardedEndpointAnswers401() {
    Api.Response r = ADMIN.api().get("/api/v1/departments");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.problem()).isEqualTo("unauthenticated");
  }

  @Test
  void logoutEndsTheSessionAndClearsTheCookie() {
    Api browser = ADMIN.as(superUser.email());

    Api.Response out = browser.post("/api/v1/auth/logout", null);

    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(401);
    assertThat(audit(AdminAuditActions.LOGOUT)).isNotEmpty();
  }

  @Test
  void aSessionEndsAfterTheIdleTimeoutUnlessUsed() {
    Api browser = ADMIN.as(superUser.email());

    ADMIN.clock().advance(Duration.ofMinutes(20));
    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(200);
    ADMIN.clock().advance(Duration.ofMinutes(20));
    assertThat(browser.get("/api/v1/auth/session").status())
        .as("used 20 minutes ago: still alive")
        .isEqualTo(200);
    ADMIN.clock().advance(Duration.ofMinutes(31));
    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(401);
  }

  @Test
  void keepMeLoggedInLastsForDaysAndSurvivesTheBrowser() {
    Api browser = ADMIN.api();
    Api.Response r = browser.login(superUser.email(), Seed.PASSWORD, true);

    assertThat(r.json().path("keepLoggedIn").asBoolean()).isTrue();
    assertThat(r.header("Set-Cookie")).contains("Max-Age=" + Duration.ofDays(30).toSeconds());
    ADMIN.clock().advance(Duration.ofDays(6));
    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(200);
    ADMIN.clock().advance(Duration.ofDays(31));
    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(401);
  }

  @Test
  void aChangeWithTheSessionCookieNeedsTheCsrfToken() {
    Api browser = ADMIN.as(superUser.email());
    Map<String, String> body = Map.of("name", "Sälj");

    browser.csrf(null);
    Api.Response without = browser.post("/api/v1/departments", body);
    browser.csrf("not-the-token");
    Api.Response wrong = browser.post("/api/v1/departments", body);

    assertThat(without.status()).isEqualTo(403);
    assertThat(without.problem()).isEqualTo("csrf-token-invalid");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.problem()).isEqualTo("csrf-token-invalid");
    assertThat(browser.get("/api/v1/departments").json()).as("reads need no token").isEmpty();
  }

  @Test
  void aChangeWithTheRightCsrfTokenGoesThrough() {
    Api browser = ADMIN.as(superUser.email());

    Api.Response r = browser.post("/api/v1/departments", Map.of("name", "Sälj"));

    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  void anApiTokenActsAsItsLoginWithinItsScopes() {
    Api browser = ADMIN.as(superUser.email());
    Api.Response issued =
        browser.post(
            "/api/v1/auth/tokens",
            Map.of("name", "Crm integration", "scopes", List.of("directory:read")));
    assertThat(issued.status()).isEqualTo(201);
    String secret = issued.json().path("secret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
    assertThat(issued.json().path("token").path("scopes").get(0).asText())
        .isEqualTo("directory:read");

    Api integration = ADMIN.api().bearer(secret);
    Api.Response read = integration.get("/api/v1/departments");
    Api.Response write = integration.post("/api/v1/departments", Map.of("name", "Sälj"));
    Api.Response mint =
        integration.post(
            "/api/v1/auth/tokens", Map.of("name", "x", "scopes", List.of("directory:read")));

    assertThat(read.status()).isEqualTo(200);
    assertThat(write.status()).as("no CSRF needed, but the scope is").isEqualTo(403);
    assertThat(write.problem()).isEqualTo("scope-missing");
    assertThat(mint.status()).isEqualTo(403);
    assertThat(mint.problem()).isEqualTo("session-required");
    assertThat(browser.get("/api/v1/auth/tokens").json().get(0).path("lastUsedAt").isNull())
        .isFalse();
  }

  @Test
  void aTokenIsStoredOnlyAsAHash() {
    Api browser = ADMIN.as(superUser.email());
    String secret =
        browser
            .post("/api/v1/auth/tokens", Map.of("name", "x", "scopes", List.of("policy:read")))
            .json()
            .path("secret")
            .asText();

    Integer clear =
        ADMIN
            .dsl()
            .fetchCount(
                se.vittne.storage.jooq.Tables.API_TOKEN,
                se.vittne.storage.jooq.Tables.API_TOKEN.TOKEN_HASH.eq(secret));
    Integer hashed =
        ADMIN
            .dsl()
            .fetchCount(
                se.vittne.storage.jooq.Tables.API_TOKEN,
                se.vittne.storage.jooq.Tables.API_TOKEN.TOKEN_HASH.eq(
                    se.vittne.storage.login.SecretTokens.hash(secret)));
    assertThat(clear).isZero();
    assertThat(hashed).isEqualTo(1);
  }

  @Test
  void aRevokedOrUnknownTokenIs401NeverAnonymous() {
    Api browser = ADMIN.as(superUser.email());
    Api.Response issued =
        browser.post(
            "/api/v1/auth/tokens", Map.of("name", "x", "scopes", List.of("directory:read")));
    String secret = issued.json().path("secret").asText();
    String id = issued.json().path("token").path("id").asText();

    assertThat(browser.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(204);

    Api.Response revoked = ADMIN.api().bearer(secret).get("/api/v1/departments");
    Api.Response unknown = ADMIN.api().bearer("made-up").get("/api/v1/departments");
    Api.Response garbage =
        ADMIN.api().header("Authorization", "Basic abc").get("/api/v1/departments");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.problem()).isEqualTo("invalid-token");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(garbage.status()).isEqualTo(401);
  }

  @Test
  void aTokenExpires() {
    Api browser = ADMIN.as(superUser.email());
    String secret =
        browser
            .post(
                "/api/v1/auth/tokens",
                Map.of(
                    "name", "x",
                    "scopes", List.of("directory:read"),
                    "expiresAt", ADMIN.clock().instant().plus(Duration.ofDays(1)).toString()))
            .json()
            .path("secret")
            .asText();

    assertThat(ADMIN.api().bearer(secret).get("/api/v1/departments").status()).isEqualTo(200);
    ADMIN.clock().advance(Duration.ofDays(2));
    assertThat(ADMIN.api().bearer(secret).get("/api/v1/departments").status()).isEqualTo(401);
  }

  @Test
  void aTokenCanOnlyHaveScopesItsRoleHolds() {
    Login console =
        ADMIN.seed().login(tenant, LoginRole.MY_CONSOLE, Permissions.LISTEN_ONLY, Set.of());
    Api browser = ADMIN.as(console.email());

    Api.Response scopes = browser.get("/api/v1/auth/scopes");
    Api.Response r =
        browser.post(
            "/api/v1/auth/tokens", Map.of("name", "x", "scopes", List.of("directory:write")));

    assertThat(scopes.json().path("scopes").toString())
        .contains("recordings:read")
        .doesNotContain("directory");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("scope-not-allowed");
  }

  @Test
  void aLoginCannotRevokeAnotherLoginsToken() {
    Login other = ADMIN.seed().login(tenant, LoginRole.SUPER);
    String id =
        ADMIN
            .as(other.email())
            .post("/api/v1/auth/tokens", Map.of("name", "x", "scopes", List.of("policy:read")))
            .json()
            .path("token")
            .path("id")
            .asText();

    assertThat(ADMIN.as(superUser.email()).delete("/api/v1/auth/tokens/" + id).status())
        .isEqualTo(404);
  }

  @Test
  void loginsAreAuditedWithTheClientAddress() {
    ADMIN.as(superUser.email());
    ADMIN.api().login(superUser.email(), "Wrong-Horse-7");

    List<AuditRecord> logins = audit("LOGIN");
    List<AuditRecord> failures = audit("LOGIN_FAILED");
    assertThat(logins).isNotEmpty();
    assertThat(logins.get(0).entry().actor()).isEqualTo(superUser.email());
    assertThat(logins.get(0).entry().details()).containsEntry("address", "127.0.0.1");
    assertThat(failures).isNotEmpty();
  }

  @Test
  void theLanguageCanBeSwitched() {
    Api browser = ADMIN.as(superUser.email());

    assertThat(browser.put("/api/v1/auth/language", Map.of("language", "sv")).status())
        .isEqualTo(204);
    assertThat(browser.get("/api/v1/auth/session").json().path("login").path("language").asText())
        .isEqualTo("sv");
    assertThat(browser.put("/api/v1/auth/language", Map.of("language", "de")).status())
        .isEqualTo(422);
  }

  private List<AuditRecord> audit(String action) {
    return new AuditLog(ADMIN.dsl())
            .list(
                tenant,
                java.time.Instant.EPOCH,
                java.time.Instant.now().plus(Duration.ofDays(400)),
                1000)
            .stream()
            .filter(r -> r.entry().action().equals(action))
            .filter(r -> r.entry().actorLogin().orElse(null) != null)
            .filter(r -> r.entry().actor().equals(superUser.email()))
            .toList();
  }
}
