package se.vittne.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.server.Route;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.RecordingFixture;
import se.vittne.admin.testing.TenantFixture;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.ApiTokenRepository;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.policy.PolicyRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * No endpoint lets a login of tenant A read or change anything of tenant B, whatever IDs it sends:
 * every route is called with B's real IDs and with IDs that exist nowhere, as A's super user and
 * A's all-scopes API token; the answers must be the same (404 where A may use the route at all),
 * and B's data must be exactly as before.
 */
class CrossTenantIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  /** Path parameters that name something of a tenant (not, say, a direction). */
  private static final Set<String> REFERENCES =
      Set.of(
          "tenantId",
          "departmentId",
          "orgUnitId",
          "groupId",
          "numberId",
          "userId",
          "loginId",
          "trunkId",
          "tokenId",
          "version",
          "number",
          "recordingId",
          "sessionId",
          "shareId",
          "deletionId",
          "categoryId",
          "questionId");

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private static TenantFixture a;
  private static TenantFixture b;
  private static List<Api> callers;

  @BeforeAll
  static void tenants() {
    a = new TenantFixture(ADMIN.seed(), ADMIN.dsl(), ADMIN.clock(), "A AB", 1, "+46701111111");
    b = new TenantFixture(ADMIN.seed(), ADMIN.dsl(), ADMIN.clock(), "B AB", 3, "+46702222222");
    RecordingFixture.addTo(a, ADMIN);
    RecordingFixture.addTo(b, ADMIN);
    String token =
        new ApiTokenRepository(ADMIN.dsl())
            .issue(
                a.tenant,
                a.superUser.id(),
                "all",
                Permission.scopesFor(LoginRole.SUPER),
                Optional.empty(),
                ADMIN.clock().instant())
            .secret();
    callers = List.of(ADMIN.as(a.superUser.email()), ADMIN.api().bearer(token));
  }

  @Test
  void anotherTenantsIdsAnswerExactlyLikeIdsThatDoNotExistAndChangeNothing() {
    String before = snapshotOfB();
    List<String> wrong = new ArrayList<>();
    for (Route route : ADMIN.app().routes()) {
      if (!referencesATenantsThing(route) || route.key().equals("POST /api/v1/auth/logout")) {
        continue;
      }
      String ofB = TenantFixture.fill(route.path(), b.pathParameters());
      String nowhere = TenantFixture.fill(route.path(), TenantFixture.nonexistent());
      for (Api caller : callers) {
        Api.Response toB = call(caller, route, ofB);
        Api.Response toNothing = call(caller, route, nowhere);
        boolean mayUseRoute = toB.status() != 401 && toB.status() != 403;
        if (toB.status() != toNothing.status()
            || (mayUseRoute && toB.status() != 404)
            || !toB.problem().equals(toNothing.problem())) {
          wrong.add(route.key() + ": B's IDs " + toB + " / no such IDs " + toNothing);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(snapshotOfB()).isEqualTo(before);
    assertThat(
            new AuditLog(ADMIN.dsl())
                    .list(b.tenant, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 1000)
                    .stream()
                    .filter(e -> e.entry().actor().equals(a.superUser.email())))
        .as("nothing A did is in B's audit log")
        .isEmpty();
  }

  @Test
  void anotherTenantsIdsInABodyAreRefusedLikeIdsThatDoNotExist() {
    Api admin = callers.get(0);
    String bDepartment = b.ids.get("departmentId");
    String none = TenantFixture.nonexistent().get("departmentId");
    String bUser = b.ids.get("userId");

    for (String department : List.of(bDepartment, none)) {
      Api.Response user =
          admin.post(
              "/api/v1/users",
              Map.of(
                  "name",
                  "X",
                  "extension",
                  "7" + Math.floorMod(department.hashCode(), 100),
                  "departmentId",
                  department));
      Api.Response login =
          admin.post(
              "/api/v1/logins",
              Map.of(
                  "email",
                  "x" + department.hashCode() + "@a.test",
                  "role",
                  "RESTRICTED",
                  "departments",
                  List.of(department)));
      Api.Response linked =
          admin.post(
              "/api/v1/logins",
              Map.of(
                  "email",
                  "y" + department.hashCode() + "@a.test",
                  "role",
                  "MY_CONSOLE",
                  "userId",
                  department.equals(bDepartment) ? bUser : none));
      Api.Response policy =
          admin.put(
              "/api/v1/policy/draft/departments/outgoing",
              Map.of(
                  "enabled",
                  true,
                  "departments",
                  List.of(b.departmentKey().value()),
                  "withoutDepartment",
                  false));
      assertThat(user.status()).isEqualTo(422);
      assertThat(user.json().path("errors").get(0).path("field").asText())
          .isEqualTo("departmentId");
      assertThat(login.status()).isEqualTo(422);
      assertThat(linked.status()).isEqualTo(422);
      assertThat(policy.status()).isEqualTo(422);
    }
    Api.Response simulate =
        admin.post(
            "/api/v1/policy/simulate",
            Map.of(
                "direction",
                "OUTGOING",
                "extension",
                new UserRepository(ADMIN.dsl())
                    .find(b.tenant, java.util.UUID.fromString(bUser))
                    .orElseThrow()
                    .data()
                    .extension()));
    assertThat(simulate.json().path("party").path("inDirectory").asBoolean())
        .as("B's extension is unknown in A's directory")
        .isFalse();
  }

  private static boolean referencesATenantsThing(Route route) {
    Matcher m = PARAMETER.matcher(route.path());
    boolean any = false;
    while (m.find()) {
      if (!REFERENCES.contains(m.group(1))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static Api.Response call(Api api, Route route, String path) {
    String method = route.method().name();
    return switch (method) {
      case "GET", "DELETE" -> api.send(method, path, null, null);
      default -> api.send(method, path, "application/json", "{}");
    };
  }

  /** Everything of B the admin API could touch, as text. */
  private static String snapshotOfB() {
    var dsl = ADMIN.dsl();
    var t = b.tenant;
    StringBuilder s = new StringBuilder();
    s.append(new TenantRepository(dsl).find(t)).append('\n');
    s.append(new OrganisationRepository(dsl).departments(t)).append('\n');
    for (OrgUnitKind kind : OrgUnitKind.values()) {
      s.append(new OrganisationRepository(dsl).orgUnits(t, kind)).append('\n');
    }
    s.append(new NumberRepository(dsl).groups(t)).append('\n');
    s.append(new NumberRepository(dsl).directNumbers(t)).append('\n');
    s.append(new UserRepository(dsl).list(t)).append('\n');
    s.append(new LoginRepository(dsl).list(t)).append('\n');
    s.append(new TrunkRepository(dsl).list(t)).append('\n');
    s.append(
            new ApiTokenRepository(dsl)
                .list(t).stream().map(x -> x.id() + " " + x.revokedAt()).toList())
        .append('\n');
    s.append(new PolicyRepository(dsl).history(t)).append('\n');
    s.append(new PolicyRepository(dsl).draft(t)).append('\n');
    java.util.UUID recording = java.util.UUID.fromString(b.ids.get("recordingId"));
    s.append(new se.vittne.storage.recording.RecordingRepository(dsl).find(t, recording))
        .append('\n');
    s.append(new se.vittne.storage.notes.NoteRepository(dsl).find(t, recording)).append('\n');
    var evaluation = new se.vittne.storage.evaluation.EvaluationRepository(dsl);
    s.append(evaluation.answers(t, recording)).append('\n');
    for (var kind : se.vittne.storage.evaluation.CategoryKind.values()) {
      s.append(evaluation.categories(t, kind)).append('\n');
    }
    s.append(evaluation.questions(t)).append('\n');
    s.append(new se.vittne.storage.sharing.ShareLinkRepository(dsl).forRecording(t, recording))
        .append('\n');
    s.append(new se.vittne.storage.deletion.DeletionRequestRepository(dsl).list(t, 100))
        .append('\n');
    s.append(new se.vittne.storage.licence.LicenceLeases(dsl, ADMIN.clock()).usage(t)).append('\n');
    s.append(new se.vittne.storage.audit.AuditLog(dsl).historyOf(t, recording).size()).append('\n');
    return s.toString();
  }
}
