package se.vittne.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.auth.LoginThrottle;
import se.vittne.admin.server.Route;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.RecordingFixture;
import se.vittne.admin.testing.TenantFixture;
import se.vittne.storage.login.ApiTokenRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Calls every registered route as every kind of caller and checks who gets through the guard: the
 * expected callers are written out below, route by route, so a route added without a line here
 * fails this test. Passing the guard means any answer but 401 and 403 (a 404 or 422 for the made-up
 * input is fine); not passing means 401 for anonymous callers and 403 for everyone else.
 */
class PermissionMatrixIT {
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
          b ->
              b.throttle(
                  new LoginThrottle.Limits(
                      new LoginThrottle.Limit(10_000, Duration.ofMinutes(1)),
                      new LoginThrottle.Limit(10_000, Duration.ofMinutes(1)),
                      new LoginThrottle.Limit(10_000, Duration.ofMinutes(1)),
                      new LoginThrottle.Limit(10_000, Duration.ofMinutes(1)))));

  /** The kinds of caller. */
  enum Caller {
    ANONYMOUS,
    MY_CONSOLE,
    RESTRICTED,
    SUPER,
    /** A super user without the listen, download and e-mail flags. */
    SUPER_NO_FLAGS,
    OPERATOR,
    /** A super user who must still change the temporary password. */
    PENDING,
    /** A super user's API token with every scope a super user may give. */
    TOKEN_ALL,
    /** A super user's API token with directory:read only. */
    TOKEN_READ
  }

  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
  private static final Set<Caller> OWN_ACCOUNT =
      EnumSet.of(
          Caller.MY_CONSOLE,
          Caller.RESTRICTED,
          Caller.SUPER,
          Caller.SUPER_NO_FLAGS,
          Caller.OPERATOR,
          Caller.PENDING);
  private static final Set<Caller> OWN_TOKENS =
      EnumSet.of(Caller.MY_CONSOLE, Caller.RESTRICTED, Caller.SUPER, Caller.SUPER_NO_FLAGS);
  private static final Set<Caller> ORG_READ =
      EnumSet.of(
          Caller.RESTRICTED,
          Caller.SUPER,
          Caller.SUPER_NO_FLAGS,
          Caller.TOKEN_ALL,
          Caller.TOKEN_READ);
  private static final Set<Caller> DIR_READ =
      EnumSet.of(Caller.SUPER, Caller.SUPER_NO_FLAGS, Caller.TOKEN_ALL, Caller.TOKEN_READ);
  private static final Set<Caller> SUPER =
      EnumSet.of(Caller.SUPER, Caller.SUPER_NO_FLAGS, Caller.TOKEN_ALL);
  private static final Set<Caller> OPERATOR = EnumSet.of(Caller.OPERATOR);

  /** Any role of a tenant, flags or not: find recordings, read notes. */
  private static final Set<Caller> RECORDINGS =
      EnumSet.of(
          Caller.MY_CONSOLE,
          Caller.RESTRICTED,
          Caller.SUPER,
          Caller.SUPER_NO_FLAGS,
          Caller.TOKEN_ALL);

  /** Those of them with "may listen" (the restricted user has listen only). */
  private static final Set<Caller> LISTEN =
      EnumSet.of(Caller.MY_CONSOLE, Caller.RESTRICTED, Caller.SUPER, Caller.TOKEN_ALL);

  /** Those with "may download" and "may e-mail". */
  private static final Set<Caller> DOWNLOAD =
      EnumSet.of(Caller.MY_CONSOLE, Caller.SUPER, Caller.TOKEN_ALL);

  private static final Set<Caller> EMAIL = DOWNLOAD;

  /** Supervisors: super and restricted users note, evaluate and read the history. */
  private static final Set<Caller> SUPERVISORS =
      EnumSet.of(Caller.RESTRICTED, Caller.SUPER, Caller.SUPER_NO_FLAGS, Caller.TOKEN_ALL);

  /** Who gets through the guard of each route. */
  private static final Map<String, Set<Caller>> MATRIX = new LinkedHashMap<>();

  private static void allow(String route, Set<Caller> callers) {
    if (MATRIX.put(route, callers) != null) {
      throw new IllegalStateException("twice in the matrix: " + route);
    }
  }

  static {
    // operations
    allow("GET /health/live", EVERYONE);
    allow("GET /health/ready", EVERYONE);
    allow("GET /metrics", EVERYONE);
    allow("GET /api/v1/openapi.json", EVERYONE);
    allow("GET /api/docs", EVERYONE);
    allow("GET /api/docs/initializer.js", EVERYONE);
    // authentication and one's own account
    allow("POST /api/v1/auth/login", EVERYONE);
    allow("POST /api/v1/auth/password-reset", EVERYONE);
    allow("POST /api/v1/auth/password-reset/confirm", EVERYONE);
    allow("GET /api/v1/auth/session", SIGNED_IN);
    allow("GET /api/v1/auth/licence-agreement", SIGNED_IN);
    allow("POST /api/v1/auth/logout", OWN_ACCOUNT);
    allow("POST /api/v1/auth/password", OWN_ACCOUNT);
    allow("POST /api/v1/auth/licence-agreement", OWN_ACCOUNT);
    allow("PUT /api/v1/auth/language", OWN_ACCOUNT);
    allow("GET /api/v1/auth/scopes", OWN_TOKENS);
    allow("GET /api/v1/auth/tokens", OWN_TOKENS);
    allow("POST /api/v1/auth/tokens", OWN_TOKENS);
    allow("DELETE /api/v1/auth/tokens/{tokenId}", OWN_TOKENS);
    // operators
    allow("GET /api/v1/tenants", OPERATOR);
    allow("POST /api/v1/tenants", OPERATOR);
    allow("GET /api/v1/tenants/{tenantId}", OPERATOR);
    allow("PUT /api/v1/tenants/{tenantId}", OPERATOR);
    allow("DELETE /api/v1/tenants/{tenantId}", OPERATOR);
    allow("GET /api/v1/tenants/{tenantId}/licences", OPERATOR);
    allow("PUT /api/v1/tenants/{tenantId}/licences", OPERATOR);
    allow("GET /api/v1/tenants/{tenantId}/trunks", OPERATOR);
    allow("POST /api/v1/tenants/{tenantId}/trunks", OPERATOR);
    allow("GET /api/v1/tenants/{tenantId}/trunks/{trunkId}", OPERATOR);
    allow("PUT /api/v1/tenants/{tenantId}/trunks/{trunkId}", OPERATOR);
    allow("DELETE /api/v1/tenants/{tenantId}/trunks/{trunkId}", OPERATOR);
    allow("GET /api/v1/tenants/{tenantId}/logins", OPERATOR);
    allow("POST /api/v1/tenants/{tenantId}/logins", OPERATOR);
    // a tenant's own settings
    allow("GET /api/v1/tenant", SUPER);
    allow("GET /api/v1/licences", SUPER);
    // logins
    allow("GET /api/v1/logins", SUPER);
    allow("POST /api/v1/logins", SUPER);
    allow("GET /api/v1/logins/{loginId}", SUPER);
    allow("PUT /api/v1/logins/{loginId}", SUPER);
    allow("DELETE /api/v1/logins/{loginId}", SUPER);
    allow("POST /api/v1/logins/{loginId}/temporary-password", SUPER);
    // directory
    allow("GET /api/v1/departments", ORG_READ);
    allow("POST /api/v1/departments", SUPER);
    allow("GET /api/v1/departments/{departmentId}", ORG_READ);
    allow("PUT /api/v1/departments/{departmentId}", SUPER);
    allow("DELETE /api/v1/departments/{departmentId}", SUPER);
    allow("GET /api/v1/org-units", ORG_READ);
    allow("POST /api/v1/org-units", SUPER);
    allow("GET /api/v1/org-units/{orgUnitId}", ORG_READ);
    allow("PUT /api/v1/org-units/{orgUnitId}", SUPER);
    allow("DELETE /api/v1/org-units/{orgUnitId}", SUPER);
    allow("GET /api/v1/answer-groups", ORG_READ);
    allow("POST /api/v1/answer-groups", SUPER);
    allow("GET /api/v1/answer-groups/{groupId}", ORG_READ);
    allow("PUT /api/v1/answer-groups/{groupId}", SUPER);
    allow("DELETE /api/v1/answer-groups/{groupId}", SUPER);
    allow("GET /api/v1/direct-numbers", ORG_READ);
    allow("POST /api/v1/direct-numbers", SUPER);
    allow("GET /api/v1/direct-numbers/{numberId}", ORG_READ);
    allow("DELETE /api/v1/direct-numbers/{numberId}", SUPER);
    allow("GET /api/v1/users", DIR_READ);
    allow("POST /api/v1/users", SUPER);
    allow("POST /api/v1/users/import", SUPER);
    allow("GET /api/v1/users/{userId}", DIR_READ);
    allow("PUT /api/v1/users/{userId}", SUPER);
    allow("DELETE /api/v1/users/{userId}", SUPER);
    // policy (R-3x)
    allow("GET /api/v1/policy", SUPER);
    allow("GET /api/v1/policy/versions", SUPER);
    allow("GET /api/v1/policy/versions/{version}", SUPER);
    allow("GET /api/v1/policy/draft", SUPER);
    allow("PUT /api/v1/policy/draft", SUPER);
    allow("DELETE /api/v1/policy/draft", SUPER);
    allow("POST /api/v1/policy/draft/apply", SUPER);
    allow("PUT /api/v1/policy/draft/departments/{direction}", SUPER);
    allow("PUT /api/v1/policy/draft/group-policies", SUPER);
    allow("POST /api/v1/policy/draft/approved-numbers", SUPER);
    allow("DELETE /api/v1/policy/draft/approved-numbers/{number}", SUPER);
    allow("POST /api/v1/policy/draft/excluded-numbers", SUPER);
    allow("DELETE /api/v1/policy/draft/excluded-numbers/{number}", SUPER);
    allow("PUT /api/v1/policy/draft/paused", SUPER);
    allow("PUT /api/v1/policy/draft/announcement", SUPER);
    allow("POST /api/v1/policy/simulate", SUPER);
    // recordings (issue 8): list, page, history, expiry
    allow("GET /api/v1/recordings", RECORDINGS);
    allow("GET /api/v1/recordings/{recordingId}", RECORDINGS);
    allow("GET /api/v1/recordings/{recordingId}/history", SUPERVISORS);
    allow("PUT /api/v1/recordings/{recordingId}/expiry", SUPER);
    // playback
    allow("POST /api/v1/recordings/{recordingId}/listening-sessions", LISTEN);
    allow("PUT /api/v1/recordings/{recordingId}/listening-sessions/{sessionId}", LISTEN);
    allow("DELETE /api/v1/recordings/{recordingId}/listening-sessions/{sessionId}", LISTEN);
    allow("GET /api/v1/recordings/{recordingId}/audio", LISTEN);
    allow("GET /api/v1/recordings/{recordingId}/waveform", LISTEN);
    // download
    allow("GET /api/v1/recordings/{recordingId}/download", DOWNLOAD);
    allow("POST /api/v1/recordings/download", DOWNLOAD);
    // notes and evaluation
    allow("GET /api/v1/recordings/{recordingId}/notes", RECORDINGS);
    allow("PUT /api/v1/recordings/{recordingId}/notes", SUPERVISORS);
    allow("GET /api/v1/recordings/{recordingId}/evaluation", RECORDINGS);
    allow("PUT /api/v1/recordings/{recordingId}/evaluation", SUPERVISORS);
    allow("GET /api/v1/evaluation", RECORDINGS);
    allow("POST /api/v1/evaluation/categories", SUPER);
    allow("PUT /api/v1/evaluation/categories/{categoryId}", SUPER);
    allow("DELETE /api/v1/evaluation/categories/{categoryId}", SUPER);
    allow("POST /api/v1/evaluation/questions", SUPER);
    allow("PUT /api/v1/evaluation/questions/{questionId}", SUPER);
    allow("DELETE /api/v1/evaluation/questions/{questionId}", SUPER);
    // sharing; the shared link's page needs no login
    allow("POST /api/v1/recordings/{recordingId}/shares", EMAIL);
    allow("GET /api/v1/recordings/{recordingId}/shares", EMAIL);
    allow("DELETE /api/v1/recordings/{recordingId}/shares/{shareId}", EMAIL);
    allow("GET /shared/{token}", EVERYONE);
    allow("GET /shared/{token}/audio", EVERYONE);
    // deletion and the overview
    allow("POST /api/v1/deletions", SUPER);
    allow("GET /api/v1/deletions", SUPER);
    allow("GET /api/v1/deletions/{deletionId}", SUPER);
    allow("GET /api/v1/overview/calls", RECORDINGS);
    // the web app's pages (issue 9): the same permissions as the endpoints they stand for
    allow("GET /login", EVERYONE);
    allow("POST /login", EVERYONE);
    allow("GET /forgot-password", EVERYONE);
    allow("POST /forgot-password", EVERYONE);
    allow("GET /reset-password", EVERYONE);
    allow("POST /reset-password", EVERYONE);
    allow("GET /language", EVERYONE);
    allow("GET /help", EVERYONE);
    allow("GET /password", OWN_ACCOUNT);
    allow("POST /password", OWN_ACCOUNT);
    allow("GET /licence", OWN_ACCOUNT);
    allow("POST /licence", OWN_ACCOUNT);
    allow("POST /logout", OWN_ACCOUNT);
    allow("POST /account/language", OWN_ACCOUNT);
    allow("GET /", RECORDINGS);
    allow("GET /recordings", RECORDINGS);
    allow("GET /recordings/{recordingId}", RECORDINGS);
    allow("POST /recordings/{recordingId}/notes", SUPERVISORS);
    allow("POST /recordings/{recordingId}/evaluation", SUPERVISORS);
    allow("POST /recordings/{recordingId}/share", EMAIL);
    allow("POST /recordings/{recordingId}/expiry", SUPER);
    allow("GET /config/policy", SUPER);
    allow("POST /config/policy/departments", SUPER);
    allow("POST /config/policy/approved", SUPER);
    allow("POST /config/policy/groups", SUPER);
    allow("POST /config/policy/excluded", SUPER);
    allow("POST /config/policy/excluded/remove", SUPER);
    allow("POST /config/policy/pause", SUPER);
    allow("POST /config/policy/apply", SUPER);
    allow("POST /config/policy/cancel", SUPER);
    allow("POST /config/policy/test", SUPER);
    allow("GET /config/logins", SUPER);
    allow("POST /config/logins", SUPER);
    allow("GET /config/logins/{loginId}", SUPER);
    allow("POST /config/logins/{loginId}", SUPER);
    allow("POST /config/logins/{loginId}/delete", SUPER);
    allow("GET /config/evaluation", SUPER);
    allow("POST /config/evaluation/categories", SUPER);
    allow("POST /config/evaluation/categories/{categoryId}", SUPER);
    allow("POST /config/evaluation/categories/{categoryId}/delete", SUPER);
    allow("POST /config/evaluation/questions", SUPER);
    allow("POST /config/evaluation/questions/{questionId}", SUPER);
    allow("POST /config/evaluation/questions/{questionId}/delete", SUPER);
    allow("GET /config/import", SUPER);
    allow("POST /config/import", SUPER);
    allow("GET /config/delete", SUPER);
    allow("POST /config/delete", SUPER);
  }

  private static TenantFixture fixture;
  private static final Map<Caller, Api> CALLERS = new LinkedHashMap<>();

  /** The address each browser session logged in with, to log in again after a logout route. */
  private static final Map<Api, String> SESSIONS = new java.util.IdentityHashMap<>();

  private static Api session(String email) {
    Api api = ADMIN.as(email);
    remember(api, email);
    return api;
  }

  private static String remember(Api api, String email) {
    SESSIONS.put(api, email);
    return email;
  }

  /** Logs every browser caller in again: a logout route has ended their sessions. */
  private static void logInAgain() {
    for (Caller caller : Caller.values()) {
      String email = SESSIONS.get(CALLERS.get(caller));
      if (email != null) {
        Api api = ADMIN.api();
        assertThat(api.login(email, "Correct-Horse-7").status()).isEqualTo(200);
        SESSIONS.put(api, email);
        CALLERS.put(caller, api);
      }
    }
  }

  @BeforeAll
  static void callers() {
    fixture =
        new TenantFixture(ADMIN.seed(), ADMIN.dsl(), ADMIN.clock(), "Matris AB", 1, "+46709999999");
    RecordingFixture.addTo(fixture, ADMIN);
    var seed = ADMIN.seed();
    CALLERS.put(Caller.ANONYMOUS, ADMIN.api());
    CALLERS.put(
        Caller.MY_CONSOLE, session(seed.login(fixture.tenant, LoginRole.MY_CONSOLE).email()));
    CALLERS.put(
        Caller.RESTRICTED,
        session(
            seed.login(
                    fixture.tenant,
                    LoginRole.RESTRICTED,
                    Permissions.LISTEN_ONLY,
                    Set.of(fixture.department.id()))
                .email()));
    CALLERS.put(Caller.SUPER, session(fixture.superUser.email()));
    CALLERS.put(
        Caller.SUPER_NO_FLAGS,
        session(seed.login(fixture.tenant, LoginRole.SUPER, Permissions.NONE, Set.of()).email()));
    CALLERS.put(Caller.OPERATOR, session(seed.operator().email()));
    Api pending = ADMIN.api();
    assertThat(
            pending
                .login(
                    remember(pending, seed.pending(fixture.tenant, LoginRole.SUPER).email()),
                    "Correct-Horse-7")
                .status())
        .isEqualTo(200);
    CALLERS.put(Caller.PENDING, pending);
    CALLERS.put(Caller.TOKEN_ALL, ADMIN.api().bearer(token(Permission.scopesFor(LoginRole.SUPER))));
    CALLERS.put(Caller.TOKEN_READ, ADMIN.api().bearer(token(Set.of("directory:read"))));
  }

  private static String token(Set<String> scopes) {
    Login owner = ADMIN.seed().login(fixture.tenant, LoginRole.SUPER);
    return new ApiTokenRepository(ADMIN.dsl())
        .issue(
            fixture.tenant, owner.id(), "matrix", scopes, Optional.empty(), ADMIN.clock().instant())
        .secret();
  }

  @Test
  void everyRegisteredRouteHasALineInTheMatrix() {
    Set<String> registered =
        ADMIN.app().routes().stream()
            .map(Route::key)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(registered).as("routes without a line in the matrix").isSubsetOf(MATRIX.keySet());
    assertThat(MATRIX.keySet()).as("matrix lines without a route").isSubsetOf(registered);
  }

  @Test
  void everyCallerGetsThroughExactlyTheRoutesTheMatrixSays() {
    List<Route> routes = new ArrayList<>(ADMIN.app().routes());
    // logging out ends the caller's session: do it last
    // (the web app's logout runs after the API's, with every caller logged in again)
    routes.sort(
        Comparator.comparing((Route r) ->
                r.key().equals("POST /api/v1/auth/logout") || r.key().equals("POST /logout"))
            .thenComparing(r -> r.key().equals("POST /logout")));
    List<String> wrong = new ArrayList<>();
    for (Route route : routes) {
      Set<Caller> allowed = MATRIX.get(route.key());
      if (allowed == null) {
        continue;
      }
      String path = TenantFixture.fill(route.path(), fixture.pathParameters());
      if (route.key().equals("POST /logout")) {
        logInAgain();
      }
      for (Caller caller : Caller.values()) {
        Api.Response r = call(CALLERS.get(caller), route, path);
        int expectedDenial = caller == Caller.ANONYMOUS ? 401 : 403;
        boolean through = r.status() != 401 && r.status() != 403;
        if (allowed.contains(caller) != through
            || (!through && r.status() != expectedDenial)
            || r.status() >= 500) {
          wrong.add(route.key() + " as " + caller + ": " + r.status() + " " + r.body());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aLoginWithAPendingStepIsToldWhichStep() {
    Api.Response r = CALLERS.get(Caller.PENDING).get("/api/v1/policy");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.problem()).isEqualTo("password-change-required");
  }

  @Test
  void aRoleWithoutThePermissionIsToldSoAndATokenWhichScopeItLacks() {
    Api.Response role = CALLERS.get(Caller.MY_CONSOLE).get("/api/v1/policy");
    Api.Response scope = CALLERS.get(Caller.TOKEN_READ).get("/api/v1/policy");

    assertThat(role.problem()).isEqualTo("forbidden");
    assertThat(scope.problem()).isEqualTo("scope-missing");
    assertThat(scope.json().path("detail").asText()).contains("policy:read");
  }

  private static Api.Response call(Api api, Route route, String path) {
    String method = route.method().name();
    return switch (method) {
      case "GET", "DELETE" -> api.send(method, path, null, null);
      default -> api.send(method, path, "application/json", "{}");
    };
  }
}
