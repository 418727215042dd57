package se.vittne.admin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.audit.AuditRecord;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.policy.PolicyChange;
import se.vittne.storage.policy.PolicyChangeListener;
import se.vittne.storage.testing.PostgresExtension;

/** Policy rules (R-3x): read, edit the draft, apply (audited, announced), cancel, test calls. */
class PolicyIT {
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
  private String sales;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    superLogin = ADMIN.seed().login(tenant, LoginRole.SUPER);
    admin = ADMIN.as(superLogin.email());
    sales =
        admin
            .post("/api/v1/departments", Map.of("name", "Försäljning"))
            .json()
            .path("key")
            .asText();
    admin.post("/api/v1/departments", Map.of("name", "Ekonomi"));
    admin.post("/api/v1/answer-groups", Map.of("key", "ivr-yes", "name", "IVR ja"));
    admin.post("/api/v1/answer-groups", Map.of("key", "ivr-no", "name", "IVR nej"));
    admin.post("/api/v1/direct-numbers", Map.of("number", "+4681234500", "name", "Växel"));
    admin.post(
        "/api/v1/users",
        Map.of(
            "name",
            "Anna",
            "extension",
            "1001",
            "recordingEnabled",
            true,
            "departmentId",
            admin.get("/api/v1/departments").json().findValuesAsText("id").get(1)));
    admin.post(
        "/api/v1/users", Map.of("name", "Olle", "extension", "1002", "recordingEnabled", false));
  }

  private static Map<String, Object> direction(boolean enabled, List<String> departments) {
    return Map.of("enabled", enabled, "departments", departments, "withoutDepartment", false);
  }

  private Api.Response simulate(String against, Map<String, Object> call) {
    Map<String, Object> body = new HashMap<>(call);
    body.put("against", against);
    return admin.post("/api/v1/policy/simulate", body);
  }

  @Test
  void aTenantWithoutPolicyHasTheEmptyAppliedVersionAndNoDraft() {
    JsonNode overview = admin.get("/api/v1/policy").json();

    assertThat(overview.path("applied").path("version").asInt()).isZero();
    assertThat(
            overview
                .path("applied")
                .path("policy")
                .path("departments")
                .path("outgoing")
                .path("enabled")
                .asBoolean())
        .isFalse();
    assertThat(overview.path("draft").isNull()).isTrue();
    assertThat(admin.get("/api/v1/policy/draft").json().path("exists").asBoolean()).isFalse();
  }

  @Test
  void theGuidesExampleIsEditedAppliedAuditedAndAnnouncedToCaptureNodes() throws Exception {
    BlockingQueue<PolicyChange> changes = new LinkedBlockingQueue<>();
    try (var listener =
        PolicyChangeListener.start(POSTGRES.database().config(), changes::add, () -> {})) {
      // outgoing and incoming for "Försäljning", internal unchecked (the user guide's example)
      admin.put("/api/v1/policy/draft/departments/outgoing", direction(true, List.of(sales)));
      admin.put("/api/v1/policy/draft/departments/INCOMING", direction(true, List.of(sales)));
      Api.Response draft = admin.get("/api/v1/policy/draft");
      assertThat(draft.json().path("exists").asBoolean()).isTrue();
      assertThat(admin.get("/api/v1/policy").json().path("applied").path("version").asInt())
          .isZero();

      Api.Response applied = admin.post("/api/v1/policy/draft/apply", null);

      assertThat(applied.status()).as(applied.body()).isEqualTo(201);
      assertThat(applied.json().path("version").asInt()).isEqualTo(1);
      assertThat(applied.json().path("appliedBy").asText()).isEqualTo(superLogin.id().toString());
      PolicyChange change = changes.poll(10, TimeUnit.SECONDS);
      assertThat(change).isNotNull();
      assertThat(change.tenant()).isEqualTo(tenant);
      assertThat(change.version()).isEqualTo(1);
    }
    JsonNode overview = admin.get("/api/v1/policy").json();
    assertThat(overview.path("draft").isNull()).as("applying consumes the draft").isTrue();
    assertThat(
            overview
                .path("applied")
                .path("policy")
                .path("departments")
                .path("incoming")
                .path("departments")
                .get(0)
                .asText())
        .isEqualTo(sales);
    assertThat(
            overview
                .path("applied")
                .path("policy")
                .path("departments")
                .path("internal")
                .path("enabled")
                .asBoolean())
        .isFalse();
    AuditRecord audit =
        new AuditLog(ADMIN.dsl())
            .list(tenant, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 100).stream()
                .filter(a -> a.entry().action().equals("POLICY_APPLIED"))
                .findFirst()
                .orElseThrow();
    assertThat(audit.entry().actor()).isEqualTo(superLogin.email());
    assertThat(audit.entry().details()).containsEntry("address", "127.0.0.1");
    assertThat(admin.get("/api/v1/policy/versions").json()).hasSize(1);
    assertThat(admin.get("/api/v1/policy/versions/1").json().path("version").asInt()).isEqualTo(1);
    assertThat(admin.get("/api/v1/policy/versions/2").status()).isEqualTo(404);
  }

  @Test
  void applyingWithoutADraftIsAConflictAndCancelDropsTheDraft() {
    assertThat(admin.post("/api/v1/policy/draft/apply", null).status()).isEqualTo(409);

    admin.put("/api/v1/policy/draft/paused", Map.of("paused", true));
    assertThat(admin.delete("/api/v1/policy/draft").status()).isEqualTo(204);

    assertThat(admin.get("/api/v1/policy/draft").json().path("exists").asBoolean()).isFalse();
    assertThat(admin.get("/api/v1/policy/draft").json().path("policy").path("paused").asBoolean())
        .isFalse();
    assertThat(admin.delete("/api/v1/policy/draft").status()).isEqualTo(404);
  }

  @Test
  void excludedNumbersAreNormalisedWithTheTenantsNumberingPlan() {
    Api.Response added =
        admin.post("/api/v1/policy/draft/excluded-numbers", Map.of("number", "070-123 45 67"));
    Api.Response notANumber =
        admin.post("/api/v1/policy/draft/excluded-numbers", Map.of("number", "kalle"));

    assertThat(added.json().path("policy").path("excludedNumbers").get(0).asText())
        .isEqualTo("+46701234567");
    assertThat(notANumber.status()).isEqualTo(422);
    assertThat(notANumber.json().path("errors").get(0).path("code").asText())
        .isEqualTo("not-a-number");
    assertThat(admin.delete("/api/v1/policy/draft/excluded-numbers/0701234567").status())
        .isEqualTo(200);
    assertThat(admin.delete("/api/v1/policy/draft/excluded-numbers/+46701234567").status())
        .isEqualTo(404);
  }

  @Test
  void onlyTheTenantsOwnDirectNumbersDepartmentsAndGroupsCanBeUsed() {
    Api.Response ddi =
        admin.post("/api/v1/policy/draft/approved-numbers", Map.of("number", "+4681234599"));
    Api.Response department =
        admin.put("/api/v1/policy/draft/departments/outgoing", direction(true, List.of("no-such")));
    Api.Response group =
        admin.put(
            "/api/v1/policy/draft/group-policies",
            Map.of("group", "nope", "policy", "NEVER_RECORD"));
    Api.Response direction =
        admin.put("/api/v1/policy/draft/departments/sideways", direction(true, List.of()));

    assertThat(ddi.status()).isEqualTo(422);
    assertThat(ddi.json().path("errors").get(0).path("code").asText())
        .isEqualTo("not-a-direct-number");
    assertThat(department.status()).isEqualTo(422);
    assertThat(group.status()).isEqualTo(422);
    assertThat(direction.status()).isEqualTo(404);
    assertThat(
            admin
                .post("/api/v1/policy/draft/approved-numbers", Map.of("number", "08-123 45 00"))
                .json()
                .path("policy")
                .path("approvedDirectNumbers")
                .get(0)
                .asText())
        .isEqualTo("+4681234500");
  }

  @Test
  void theWholeDraftCanBeReplacedAndEveryErrorIsReported() {
    Map<String, Object> document =
        Map.of(
            "departments",
            Map.of(
                "outgoing", direction(true, List.of(sales)),
                "internal", direction(false, List.of()),
                "incoming", direction(true, List.of("ghost"))),
            "approvedDirectNumbers",
            List.of("+4681234500"),
            "groups",
            Map.of(
                "ivr-yes",
                "ALWAYS_RECORD_APPROVED_VIA_IVR",
                "ivr-no",
                "NEVER_RECORD_REFUSED_VIA_IVR"),
            "excludedNumbers",
            List.of("+46701111111", "x"),
            "paused",
            false,
            "announcement",
            "CALLER");

    Api.Response invalid = admin.put("/api/v1/policy/draft", document);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("departments.incoming.departments[0]", "excludedNumbers[1]");

    Map<String, Object> fixed = new HashMap<>(document);
    fixed.put(
        "departments",
        Map.of(
            "outgoing", direction(true, List.of(sales)),
            "internal", direction(false, List.of()),
            "incoming", direction(true, List.of(sales))));
    fixed.put("excludedNumbers", List.of("+46701111111"));
    Api.Response ok = admin.put("/api/v1/policy/draft", fixed);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("policy").path("groups").path("ivr-no").asText())
        .isEqualTo("NEVER_RECORD_REFUSED_VIA_IVR");
    assertThat(ok.json().path("policy").path("announcement").asText()).isEqualTo("CALLER");
  }

  @Test
  void aTestCallIsDecidedByTheDraftOrTheAppliedPolicyWithItsReason() {
    admin.put("/api/v1/policy/draft/departments/outgoing", direction(true, List.of(sales)));
    Map<String, Object> call =
        Map.of("direction", "OUTGOING", "extension", "1001", "remoteNumber", "0701234567");

    Api.Response draft = simulate("DRAFT", call);
    Api.Response applied = simulate("APPLIED", call);

    assertThat(draft.status()).as(draft.body()).isEqualTo(200);
    assertThat(draft.json().path("record").asBoolean()).isTrue();
    assertThat(draft.json().path("rule").asText()).isEqualTo("DEPARTMENT_POLICY");
    assertThat(draft.json().path("explanation").path("sv").asText())
        .contains("Spelas in")
        .contains(sales);
    assertThat(draft.json().path("explanation").path("en").asText())
        .contains("Recorded")
        .contains(sales);
    assertThat(draft.json().path("remoteNumber").asText()).isEqualTo("+46701234567");
    assertThat(draft.json().path("party").path("inDirectory").asBoolean()).isTrue();
    assertThat(applied.json().path("record").asBoolean()).isFalse();
    assertThat(applied.json().path("rule").asText()).isEqualTo("NO_RULE");
  }

  @Test
  void neverRulesBeatAlwaysRulesInATestCall() {
    admin.put("/api/v1/policy/draft/departments/incoming", direction(true, List.of(sales)));
    admin.put(
        "/api/v1/policy/draft/group-policies",
        Map.of("group", "ivr-no", "policy", "NEVER_RECORD_REFUSED_VIA_IVR"));
    admin.post("/api/v1/policy/draft/excluded-numbers", Map.of("number", "+46709999999"));

    Api.Response refused =
        simulate(
            "DRAFT", Map.of("direction", "INCOMING", "extension", "1001", "answerGroup", "ivr-no"));
    Api.Response excluded =
        simulate(
            "DRAFT",
            Map.of("direction", "INCOMING", "extension", "1001", "remoteNumber", "+46709999999"));
    Api.Response notEnabled =
        simulate("DRAFT", Map.of("direction", "INCOMING", "extension", "1002"));
    Api.Response unknown = simulate("DRAFT", Map.of("direction", "INCOMING", "extension", "9999"));
    admin.put("/api/v1/policy/draft/paused", Map.of("paused", true));
    Api.Response paused = simulate("DRAFT", Map.of("direction", "INCOMING", "extension", "1001"));

    assertThat(refused.json().path("rule").asText()).isEqualTo("GROUP_REFUSED_VIA_IVR");
    assertThat(refused.json().path("consentBasis").asText()).isEqualTo("REFUSED_VIA_IVR_GROUP");
    assertThat(excluded.json().path("rule").asText()).isEqualTo("EXCLUDED_NUMBER");
    assertThat(notEnabled.json().path("rule").asText()).isEqualTo("RECORDING_DISABLED_FOR_USER");
    assertThat(unknown.json().path("party").path("inDirectory").asBoolean()).isFalse();
    assertThat(unknown.json().path("record").asBoolean()).isFalse();
    assertThat(paused.json().path("rule").asText()).isEqualTo("PAUSED");
  }

  @Test
  void aTestCallCanDescribeAPartyByDepartment() {
    admin.put("/api/v1/policy/draft/departments/internal", direction(true, List.of(sales)));

    Api.Response r = simulate("DRAFT", Map.of("direction", "INTERNAL", "department", sales));
    Api.Response both =
        simulate(
            "DRAFT", Map.of("direction", "INTERNAL", "department", sales, "extension", "1001"));
    Api.Response badNumber =
        simulate(
            "DRAFT", Map.of("direction", "INTERNAL", "extension", "1001", "dialledNumber", "abc"));

    assertThat(r.json().path("record").asBoolean()).isTrue();
    assertThat(both.status()).isEqualTo(422);
    assertThat(badNumber.status()).isEqualTo(422);
    assertThat(badNumber.json().path("errors").get(0).path("field").asText())
        .isEqualTo("dialledNumber");
  }

  @Test
  void draftEditsAreAudited() {
    admin.put("/api/v1/policy/draft/announcement", Map.of("announcement", "CALLER_AND_AGENT"));

    assertThat(
            new AuditLog(ADMIN.dsl())
                .list(tenant, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 100))
        .filteredOn(a -> a.entry().action().equals("POLICY_DRAFT_CHANGED"))
        .anySatisfy(
            a -> assertThat(a.entry().details()).containsEntry("announcement", "CALLER_AND_AGENT"));
  }
}
