package se.vittne.admin.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Calls;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Call notes, evaluation set-up and answers (R-53, R-56), a recording's page, its expiry (R-60),
 * and its history from the audit log.
 */
class NotesAndEvaluationIT {
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
  private NewRecording recording;
  private Api superUser;
  private String base;

  @BeforeEach
  void seed() {
    tenant = ADMIN.seed().tenant("Anteckna AB");
    recording =
        new Calls(ADMIN.dsl(), ADMIN.audio())
            .call(tenant, "201", ADMIN.clock().instant().minus(Duration.ofHours(1)))
            .user("Pelle Persson")
            .oneWayAudio()
            .archive();
    superUser = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
    base = "/api/v1/recordings/" + recording.id();
  }

  private String category(String kind, String name) {
    Api.Response r =
        superUser.post("/api/v1/evaluation/categories", Map.of("kind", kind, "name", name));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private String question(String text) {
    Api.Response r = superUser.post("/api/v1/evaluation/questions", Map.of("text", text));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  @Test
  void theEvaluationSetUpIsManagedBySuperUsers() {
    String followUp = category("CALL_RESULT", "Uppföljning");
    category("CALL_RESULT", "Försäljning");
    category("CUSTOMER_RESPONSE", "Nöjd");
    String greeted = question("Hälsade agenten?");

    assertThat(
            superUser
                .put("/api/v1/evaluation/categories/" + followUp, Map.of("name", "Follow-up"))
                .json()
                .path("name")
                .asText())
        .isEqualTo("Follow-up");
    assertThat(
            superUser
                .put("/api/v1/evaluation/questions/" + greeted, Map.of("text", "Greeted?"))
                .status())
        .isEqualTo(200);
    assertThat(superUser.delete("/api/v1/evaluation/categories/" + followUp).status())
        .isEqualTo(204);
    assertThat(superUser.delete("/api/v1/evaluation/categories/" + followUp).status())
        .isEqualTo(404);

    JsonNode setup = superUser.get("/api/v1/evaluation").json();
    assertThat(setup.path("callResults").findValuesAsText("name")).containsExactly("Försäljning");
    assertThat(setup.path("customerResponses").findValuesAsText("name")).containsExactly("Nöjd");
    assertThat(setup.path("questions").findValuesAsText("text")).containsExactly("Greeted?");
    Api.Response blank =
        superUser.post("/api/v1/evaluation/categories", Map.of("kind", "CALL_RESULT", "name", " "));
    assertThat(blank.status()).isEqualTo(422);
  }

  @Test
  void notesAreSavedReadShownInTheListAndAudited() {
    String sale = category("CALL_RESULT", "Försäljning");
    String happy = category("CUSTOMER_RESPONSE", "Nöjd");
    Map<String, Object> notes = new HashMap<>();
    notes.put("callResult", sale);
    notes.put("customerResponse", happy);
    notes.put("flag", "BLUE");
    notes.put("tag", "Merförsäljning");

    Api.Response saved = superUser.put(base + "/notes", notes);

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonNode read = superUser.get(base + "/notes").json();
    assertThat(read.path("callResult").path("name").asText()).isEqualTo("Försäljning");
    assertThat(read.path("customerResponse").path("name").asText()).isEqualTo("Nöjd");
    assertThat(read.path("flag").asText()).isEqualTo("BLUE");
    assertThat(read.path("tag").asText()).isEqualTo("Merförsäljning");
    JsonNode row =
        superUser
            .get("/api/v1/recordings?period=last-seven-days&flag=blue&tag=merf")
            .json()
            .path("items")
            .get(0);
    assertThat(row.path("id").asText()).isEqualTo(recording.id().toString());
    assertThat(row.path("tag").asText()).isEqualTo("Merförsäljning");
    assertThat(actions()).contains("NOTES_CHANGED");

    superUser.delete("/api/v1/evaluation/categories/" + sale);
    assertThat(superUser.get(base + "/notes").json().path("callResult").path("name").asText())
        .as("a deleted category keeps its name on the notes")
        .isEqualTo("Försäljning");
    assertThat(superUser.put(base + "/notes", notes).status())
        .as("and the notes can be saved again with it")
        .isEqualTo(200);
  }

  @Test
  void aNoteNeedsTheTenantsCategoryOfTheRightList() {
    String happy = category("CUSTOMER_RESPONSE", "Nöjd");

    Api.Response wrongList = superUser.put(base + "/notes", Map.of("callResult", happy));
    Api.Response unknown =
        superUser.put(base + "/notes", Map.of("customerResponse", UUID.randomUUID().toString()));
    Api.Response badFlag = superUser.put(base + "/notes", Map.of("flag", "PURPLE"));
    Api.Response longTag = superUser.put(base + "/notes", Map.of("tag", "x".repeat(201)));

    assertThat(wrongList.status()).isEqualTo(422);
    assertThat(wrongList.json().path("errors").get(0).path("field").asText())
        .isEqualTo("callResult");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(badFlag.status()).isEqualTo(422);
    assertThat(longTag.status()).isEqualTo(422);
  }

  @Test
  void answersMarkTheRecordingEvaluated() {
    String greeted = question("Greeted?");
    String closed = question("Closed the sale?");

    Api.Response saved =
        superUser.put(base + "/evaluation", Map.of("answers", Map.of(greeted, "Yes, by name")));

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonNode evaluation = superUser.get(base + "/evaluation").json();
    assertThat(evaluation.path("evaluated").asBoolean()).isTrue();
    assertThat(evaluation.path("answers").findValuesAsText("text"))
        .containsExactly("Greeted?", "Closed the sale?");
    assertThat(evaluation.path("answers").get(0).path("answer").asText()).isEqualTo("Yes, by name");
    assertThat(evaluation.path("answers").get(1).path("answer").isNull()).isTrue();
    assertThat(
            superUser
                .get("/api/v1/recordings?period=last-seven-days&evaluated=true")
                .json()
                .path("count")
                .asInt())
        .isEqualTo(1);
    assertThat(
            superUser
                .put(
                    base + "/evaluation",
                    Map.of("answers", Map.of(UUID.randomUUID().toString(), "x")))
                .status())
        .isEqualTo(422);
    assertThat(superUser.put(base + "/evaluation", Map.of("answers", Map.of(closed, " "))).status())
        .as("at least one answer")
        .isEqualTo(422);
    assertThat(actions()).contains("EVALUATED");
  }

  @Test
  void aRecordingsPageHasTheDecisionQualityNotesAndEvaluation() {
    JsonNode page = superUser.get(base).json();

    assertThat(page.path("recording").path("id").asText()).isEqualTo(recording.id().toString());
    assertThat(page.path("recording").path("user").asText()).isEqualTo("Pelle Persson");
    assertThat(page.path("recording").path("oneWayAudio").asBoolean()).isTrue();
    assertThat(page.path("decision").path("rule").asText()).isEqualTo("DEPARTMENT_POLICY");
    assertThat(page.path("decision").path("explanationSv").asText())
        .isEqualTo("Avdelningspolicyn spelar in utgående samtal.");
    assertThat(page.path("decision").path("explanationEn").asText())
        .isEqualTo("The department policy records outgoing calls.");
    assertThat(page.path("decision").path("policyVersion").asLong()).isEqualTo(3);
    JsonNode first = page.path("quality").path("channels").get(0);
    assertThat(first.path("lost").asLong()).isEqualTo(60);
    assertThat(first.path("lossPercent").asDouble()).isEqualTo(0.99);
    assertThat(first.path("silencePercent").asDouble()).isEqualTo(100.0);
    assertThat(page.path("quality").path("oneWayAudio").asBoolean()).isTrue();
    assertThat(page.path("audio").path("sha256").asText()).isEqualTo(recording.audio().sha256());
    assertThat(page.path("notes").path("flag").asText()).isEqualTo("NONE");
    assertThat(page.path("evaluation").path("evaluated").asBoolean()).isFalse();
  }

  @Test
  void aSuperUserMovesTheExpiryDateForward() {
    String later = java.time.LocalDate.now(ADMIN.clock()).plusYears(2).toString();

    Api.Response r = superUser.put(base + "/expiry", Map.of("expiresOn", later));
    Api.Response past = superUser.put(base + "/expiry", Map.of("expiresOn", "2020-01-01"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(
            new RecordingRepository(ADMIN.dsl())
                .find(tenant, recording.id())
                .orElseThrow()
                .expiresOn())
        .hasToString(later);
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().path("errors").get(0).path("code").asText())
        .isEqualTo("not-after-today");
    JsonNode history = superUser.get(base + "/history").json();
    JsonNode last = history.get(history.size() - 1);
    assertThat(last.path("action").asText()).isEqualTo("EXPIRY_CHANGED");
    assertThat(last.path("details").path("from").asText()).isEqualTo("2099-01-01");
    assertThat(last.path("details").path("to").asText()).isEqualTo(later);
  }

  @Test
  void theRecordingsPageLetsASuperUserChangeTheExpiryDate() {
    String later = java.time.LocalDate.now(ADMIN.clock()).plusYears(1).toString();
    String page = "/recordings/" + recording.id();
    String form = "application/x-www-form-urlencoded";

    Api.Response shown = superUser.get(page);
    Api.Response changed =
        superUser.send(
            "POST", page + "/expiry", form, "_csrf=" + superUser.csrf() + "&expiresOn=" + later);
    Api.Response rejected =
        superUser.send(
            "POST", page + "/expiry", form, "_csrf=" + superUser.csrf() + "&expiresOn=2020-01-01");

    assertThat(shown.body()).contains("id=\"expiry-form\"");
    assertThat(changed.status()).isEqualTo(303);
    assertThat(changed.headers().firstValue("Location")).contains(page + "?notice=expiryChanged");
    assertThat(rejected.headers().firstValue("Location")).contains(page + "?notice=expiryRejected");
    assertThat(
            new RecordingRepository(ADMIN.dsl())
                .find(tenant, recording.id())
                .orElseThrow()
                .expiresOn())
        .hasToString(later);
  }

  @Test
  void theHistoryNamesWhoDidWhatAndWhen() {
    Api restricted =
        ADMIN.as(
            ADMIN.seed().login(tenant, LoginRole.RESTRICTED, Permissions.ALL, Set.of()).email());
    superUser.post(base + "/listening-sessions", Map.of());
    superUser.bytes(base + "/download", Map.of());
    superUser.put(base + "/notes", Map.of("flag", "RED"));

    JsonNode history = superUser.get(base + "/history").json();

    List<String> actions = new ArrayList<>();
    history.forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions).containsExactly("LISTENED", "DOWNLOADED", "NOTES_CHANGED");
    assertThat(history.get(0).path("actor").asText()).contains("@");
    assertThat(history.get(0).path("at").asText()).isNotBlank();
    assertThat(restricted.get(base + "/history").status())
        .as("a restricted user outside its departments: not found")
        .isEqualTo(404);
    Api myConsole = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.MY_CONSOLE).email());
    assertThat(myConsole.get(base + "/history").status()).isEqualTo(403);
  }

  @Test
  void myConsoleUsersReadButDoNotNote() {
    Api myConsole = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.MY_CONSOLE).email());

    assertThat(myConsole.put(base + "/notes", Map.of("flag", "RED")).status()).isEqualTo(403);
    assertThat(myConsole.get("/api/v1/evaluation").status()).isEqualTo(200);
  }

  private List<String> actions() {
    List<String> actions = new ArrayList<>();
    superUser.get(base + "/history").json().forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }
}
