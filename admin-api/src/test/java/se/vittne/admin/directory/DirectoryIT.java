package se.vittne.admin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Mailbox;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

/** A super user maintains the directory and the tenant's logins. */
class DirectoryIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private TenantId tenant;
  private Login superLogin;
  private Api admin;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    superLogin = ADMIN.seed().login(tenant, LoginRole.SUPER);
    admin = ADMIN.as(superLogin.email());
  }

  private JsonNode created(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void aDepartmentGetsAKeyFromItsNameThatStaysWhenRenamed() {
    JsonNode sales = created(admin.post("/api/v1/departments", Map.of("name", "Försäljning Syd")));
    String path = "/api/v1/departments/" + sales.path("id").asText();

    Api.Response renamed = admin.put(path, Map.of("name", "Sälj Syd"));

    assertThat(sales.path("key").asText()).isEqualTo("forsaljning-syd");
    assertThat(renamed.json().path("name").asText()).isEqualTo("Sälj Syd");
    assertThat(renamed.json().path("key").asText()).isEqualTo("forsaljning-syd");
    assertThat(admin.get("/api/v1/departments").json()).hasSize(1);
    assertThat(
            created(admin.post("/api/v1/departments", Map.of("name", "Försäljning Syd")))
                .path("key")
                .asText())
        .isEqualTo("forsaljning-syd-2");
    assertThat(
            admin
                .post("/api/v1/departments", Map.of("name", "X", "key", "forsaljning-syd"))
                .status())
        .isEqualTo(409);
    assertThat(admin.delete(path).status()).isEqualTo(204);
    assertThat(admin.get(path).status()).isEqualTo(404);
  }

  @Test
  void aDepartmentInUseCannotBeRemoved() {
    String department =
        created(admin.post("/api/v1/departments", Map.of("name", "Support"))).path("id").asText();
    created(
        admin.post(
            "/api/v1/users",
            Map.of("name", "Anna", "extension", "201", "departmentId", department)));

    Api.Response r = admin.delete("/api/v1/departments/" + department);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.problem()).isEqualTo("conflict");
  }

  @Test
  void districtsCostCentresAndOfficesAreKeptApart() {
    created(admin.post("/api/v1/org-units", Map.of("kind", "DISTRICT", "name", "Norr")));
    JsonNode office =
        created(admin.post("/api/v1/org-units", Map.of("kind", "OFFICE", "name", "Umeå")));

    assertThat(admin.get("/api/v1/org-units").json()).hasSize(2);
    assertThat(admin.get("/api/v1/org-units?kind=office").json()).hasSize(1);
    assertThat(admin.get("/api/v1/org-units?kind=planet").status()).isEqualTo(422);
    String path = "/api/v1/org-units/" + office.path("id").asText();
    assertThat(admin.put(path, Map.of("name", "Umeå C")).json().path("name").asText())
        .isEqualTo("Umeå C");
    assertThat(admin.post("/api/v1/org-units", Map.of("kind", "OFFICE", "name", "Umeå C")).status())
        .isEqualTo(409);
    assertThat(admin.delete(path).status()).isEqualTo(204);
  }

  @Test
  void answerGroupsAndDirectNumbersAreMaintained() {
    JsonNode group =
        created(
            admin.post("/api/v1/answer-groups", Map.of("name", "Kundtjänst", "number", "8000")));
    JsonNode ddi =
        created(
            admin.post(
                "/api/v1/direct-numbers", Map.of("number", "08-123 456 78", "name", "Växel")));

    assertThat(group.path("key").asText()).isEqualTo("kundtjanst");
    assertThat(ddi.path("number").asText()).isEqualTo("+46812345678");
    assertThat(
            admin
                .put(
                    "/api/v1/answer-groups/" + group.path("id").asText(),
                    Map.of("name", "Kundservice", "number", "8001"))
                .json()
                .path("number")
                .asText())
        .isEqualTo("8001");
    assertThat(
            admin
                .post("/api/v1/direct-numbers", Map.of("number", "+46812345678", "name", "Dubbel"))
                .status())
        .isEqualTo(409);
    Api.Response notANumber =
        admin.post("/api/v1/direct-numbers", Map.of("number", "växeln", "name", "X"));
    assertThat(notANumber.status()).isEqualTo(422);
    assertThat(notANumber.json().path("errors").get(0).path("code").asText())
        .isEqualTo("not-a-number");
    assertThat(admin.delete("/api/v1/direct-numbers/" + ddi.path("id").asText()).status())
        .isEqualTo(204);
    assertThat(admin.delete("/api/v1/answer-groups/" + group.path("id").asText()).status())
        .isEqualTo(204);
  }

  @Test
  void aUserIsCreatedChangedFoundAndRemoved() {
    String department =
        created(admin.post("/api/v1/departments", Map.of("name", "Sälj"))).path("id").asText();
    Map<String, Object> anna = new HashMap<>();
    anna.put("name", "Anna Andersson");
    anna.put("extension", "1001");
    anna.put("email", "anna@bolaget.test");
    anna.put("departmentId", department);
    anna.put("recordingEnabled", true);
    anna.put("numbers", List.of("070-123 45 67"));

    JsonNode user = created(admin.post("/api/v1/users", anna));
    String path = "/api/v1/users/" + user.path("id").asText();

    assertThat(user.path("numbers").get(0).asText()).isEqualTo("+46701234567");
    assertThat(user.path("department").path("name").asText()).isEqualTo("Sälj");
    assertThat(user.path("recordingEnabled").asBoolean()).isTrue();
    assertThat(user.path("loginId").isNull()).as("role NONE: no login").isTrue();
    assertThat(admin.post("/api/v1/users", anna).status()).isEqualTo(409);
    anna.put("title", "Säljare");
    anna.put("recordingEnabled", false);
    assertThat(admin.put(path, anna).json().path("title").asText()).isEqualTo("Säljare");
    assertThat(admin.get("/api/v1/users?q=ANDERS").json().path("total").asInt()).isEqualTo(1);
    assertThat(admin.get("/api/v1/users?q=nobody").json().path("total").asInt()).isZero();
    assertThat(admin.delete(path).status()).isEqualTo(204);
    assertThat(admin.get(path).status()).isEqualTo(404);
    assertThat(
            new AuditLog(ADMIN.dsl())
                .list(tenant, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 100))
        .extracting(a -> a.entry().subjectType().orElse("") + " " + a.entry().action())
        .contains("user CREATED", "user UPDATED", "user DELETED");
  }

  @Test
  void usersArePagedByExtension() {
    for (int i = 0; i < 7; i++) {
      created(admin.post("/api/v1/users", Map.of("name", "U" + i, "extension", "30" + i)));
    }

    JsonNode page = admin.get("/api/v1/users?offset=2&limit=3").json();

    assertThat(page.path("total").asInt()).isEqualTo(7);
    assertThat(page.path("items").findValuesAsText("extension"))
        .containsExactly("302", "303", "304");
  }

  @Test
  void invalidUserFieldsAreEachReported() {
    Api.Response r =
        admin.post(
            "/api/v1/users",
            Map.of(
                "name", "",
                "extension", "12 34",
                "email", "not-an-address",
                "departmentId", "7c8e5b8e-0000-4000-8000-000000000000",
                "numbers", List.of("abc"),
                "role", "SUPER"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").findValuesAsText("field"))
        .contains("name", "extension", "email", "departmentId", "numbers[0]");
  }

  @Test
  void aUserGivenAWebRoleGetsALoginAndTheInvitation() {
    String email = Seed.email("berit");
    JsonNode user =
        created(
            admin.post(
                "/api/v1/users",
                Map.of(
                    "name", "Berit", "extension", "1002", "email", email, "role", "MY_CONSOLE")));

    assertThat(user.path("loginId").isNull()).isFalse();
    List<Mailbox.Mail> mails = ADMIN.mailbox().await(email, 2);
    assertThat(mails)
        .extracting(Mailbox.Mail::subject)
        .containsExactlyInAnyOrder(
            "Din inloggning till Vittne", "Ditt tillfälliga lösenord till Vittne");
    JsonNode login = admin.get("/api/v1/logins/" + user.path("loginId").asText()).json();
    assertThat(login.path("role").asText()).isEqualTo("MY_CONSOLE");
    assertThat(login.path("userId").asText()).isEqualTo(user.path("id").asText());

    Map<String, Object> none =
        new HashMap<>(Map.of("name", "Berit", "extension", "1002", "email", email, "role", "NONE"));
    admin.put("/api/v1/users/" + user.path("id").asText(), none);
    assertThat(
            admin
                .get("/api/v1/logins/" + user.path("loginId").asText())
                .json()
                .path("status")
                .asText())
        .isEqualTo("INACTIVE");
  }

  @Test
  void aRestrictedLoginListensToChosenDepartmentsOfItsOwnTenant() {
    String sales =
        created(admin.post("/api/v1/departments", Map.of("name", "Sälj"))).path("id").asText();
    String email = Seed.email("revisor");

    Api.Response noDepartments =
        admin.post("/api/v1/logins", Map.of("email", email, "role", "RESTRICTED"));
    JsonNode login =
        created(
            admin.post(
                "/api/v1/logins",
                Map.of(
                    "email",
                    email,
                    "role",
                    "RESTRICTED",
                    "departments",
                    List.of(sales),
                    "permissions",
                    Map.of("mayListen", true, "mayDownload", true, "mayEmail", false))));

    assertThat(noDepartments.status()).isEqualTo(422);
    assertThat(login.path("departments").get(0).asText()).isEqualTo(sales);
    assertThat(login.path("permissions").path("mayDownload").asBoolean()).isTrue();
    assertThat(login.path("permissions").path("mayEmail").asBoolean()).isFalse();
    assertThat(admin.post("/api/v1/logins", Map.of("email", email, "role", "SUPER")).status())
        .isEqualTo(409);
  }

  @Test
  void loginsAreChangedDeactivatedAndDeleted() {
    String email = Seed.email("kalle");
    String id =
        created(admin.post("/api/v1/logins", Map.of("email", email, "role", "MY_CONSOLE")))
            .path("id")
            .asText();
    String path = "/api/v1/logins/" + id;

    JsonNode changed = admin.put(path, Map.of("role", "SUPER", "active", false)).json();

    assertThat(changed.path("role").asText()).isEqualTo("SUPER");
    assertThat(changed.path("status").asText()).isEqualTo("INACTIVE");
    assertThat(admin.get("/api/v1/logins").json().path("items").findValuesAsText("email"))
        .contains(email);
    assertThat(admin.delete(path).status()).isEqualTo(204);
    assertThat(admin.get(path).status()).isEqualTo(404);
  }

  @Test
  void aSuperUserCannotLockThemselvesOut() {
    String path = "/api/v1/logins/" + superLogin.id();

    assertThat(admin.put(path, Map.of("role", "MY_CONSOLE")).status()).isEqualTo(409);
    assertThat(admin.put(path, Map.of("role", "SUPER", "active", false)).status()).isEqualTo(409);
    assertThat(admin.delete(path).status()).isEqualTo(409);
    assertThat(
            admin
                .post("/api/v1/logins", Map.of("email", Seed.email("x"), "role", "OPERATOR"))
                .status())
        .isEqualTo(422);
  }
}
