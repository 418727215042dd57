package se.vittne.admin.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.AdminConfig;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Calls;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.jobs.StorageJobs;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Deleting recordings (R-61) through the real server, whose own scheduler runs storage's deletion
 * job (here every second instead of every five minutes): nothing without the confirmation; chosen
 * recordings or all that match a filter are erased, audio and row, and every step is audited.
 */
class DeletionIT {
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
              b.storageJobs(
                  new StorageJobs.Intervals(
                      Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMillis(500))));

  private TenantId tenant;
  private Calls calls;
  private Api superUser;

  @BeforeEach
  void seed() {
    tenant = ADMIN.seed().tenant("Radera AB");
    calls = new Calls(ADMIN.dsl(), ADMIN.audio());
    superUser = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
  }

  private NewRecording call(String extension, Duration ago) {
    return calls.call(tenant, extension, ADMIN.clock().instant().minus(ago)).archive();
  }

  private boolean exists(NewRecording r) throws Exception {
    return new RecordingRepository(ADMIN.dsl()).find(tenant, r.id()).isPresent()
        || ADMIN.audio().stat(new StoreKey(r.audio().storeKey())).isPresent();
  }

  private void awaitErased(NewRecording... recordings) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (NewRecording r : recordings) {
      while (exists(r) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(exists(r)).as("erased: " + r.id()).isFalse();
    }
  }

  @Test
  void nothingIsDeletedWithoutTheConfirmation() throws Exception {
    NewRecording r = call("201", Duration.ofHours(1));

    Api.Response none = superUser.post("/api/v1/deletions", Map.of("ids", List.of(r.id())));
    Api.Response no =
        superUser.post("/api/v1/deletions", Map.of("ids", List.of(r.id()), "confirm", false));

    assertThat(none.status()).isEqualTo(422);
    assertThat(none.json().path("errors").get(0).path("code").asText())
        .isEqualTo("confirmation-required");
    assertThat(no.status()).isEqualTo(422);
    assertThat(superUser.get("/api/v1/deletions").json().size()).isZero();
    Thread.sleep(1500);
    assertThat(exists(r)).isTrue();
  }

  @Test
  void chosenRecordingsAreErasedWithinTheHourAndAudited() throws Exception {
    NewRecording a = call("201", Duration.ofHours(1));
    NewRecording b = call("202", Duration.ofHours(2));
    NewRecording kept = call("203", Duration.ofHours(3));

    Api.Response r =
        superUser.post(
            "/api/v1/deletions",
            Map.of("ids", List.of(a.id(), b.id()), "confirm", true, "reason", "Kunden begärde"));

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode receipt = r.json();
    assertThat(receipt.path("recordings").asInt()).isEqualTo(2);
    assertThat(Instant.parse(receipt.path("dueBy").asText()))
        .isEqualTo(Instant.parse(receipt.path("requestedAt").asText()).plus(Duration.ofHours(1)));
    awaitErased(a, b);
    assertThat(exists(kept)).isTrue();
    String request = receipt.path("requests").get(0).asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!superUser
            .get("/api/v1/deletions/" + request)
            .json()
            .path("status")
            .asText()
            .equals("DONE")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    JsonNode done = superUser.get("/api/v1/deletions/" + request).json();
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("reason").asText()).isEqualTo("Kunden begärde");
    List<String> audit = new ArrayList<>();
    new AuditLog(ADMIN.dsl())
        .list(tenant, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 100)
        .forEach(e -> audit.add(e.entry().action() + " " + e.entry().actor()));
    assertThat(audit)
        .contains("RECORDING_ERASED system:deletion")
        .anyMatch(s -> s.startsWith("DELETION_REQUESTED ") && s.contains("@"));
    assertThat(new AuditLog(ADMIN.dsl()).historyOf(tenant, a.id()))
        .anySatisfy(e -> {
          assertThat(e.entry().action()).isEqualTo("RECORDING_ERASED");
          assertThat(e.entry().details().get("reason").toString()).contains(request);
        });
  }

  @Test
  void everyRecordingMatchingAFilterIsErased() throws Exception {
    NewRecording a = call("301", Duration.ofDays(1));
    NewRecording b = call("301", Duration.ofDays(1).plusMinutes(5));
    NewRecording otherExtension = call("302", Duration.ofDays(1));
    NewRecording today = call("301", Duration.ofMinutes(5));
    Map<String, Object> filter = new HashMap<>();
    filter.put("period", "custom");
    filter.put(
        "from",
        a.call()
            .start()
            .minus(Duration.ofHours(1))
            .atZone(java.time.ZoneId.of("Europe/Stockholm"))
            .toLocalDateTime()
            .toString());
    filter.put(
        "to",
        a.call()
            .start()
            .plus(Duration.ofHours(1))
            .atZone(java.time.ZoneId.of("Europe/Stockholm"))
            .toLocalDateTime()
            .toString());
    filter.put("extension", "301");

    Api.Response r = superUser.post("/api/v1/deletions", Map.of("filter", filter, "confirm", true));

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().path("recordings").asInt()).isEqualTo(2);
    awaitErased(a, b);
    assertThat(exists(otherExtension)).isTrue();
    assertThat(exists(today)).isTrue();
  }

  @Test
  void aWrongFilterIsExplainedAndAnEmptyOneDeletesNothing() {
    Api.Response wrong =
        superUser.post(
            "/api/v1/deletions",
            Map.of("filter", Map.of("period", "yesterday", "extnsion", "301"), "confirm", true));
    Api.Response nothing =
        superUser.post(
            "/api/v1/deletions",
            Map.of("filter", Map.of("period", "yesterday", "extension", "999"), "confirm", true));
    Api.Response both =
        superUser.post(
            "/api/v1/deletions",
            Map.of("ids", List.of(UUID.randomUUID()), "filter", Map.of(), "confirm", true));

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("errors").get(0).path("field").asText()).isEqualTo("extnsion");
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(both.status()).isEqualTo(422);
  }

  @Test
  void anotherTenantsRecordingIsNotFoundAndNothingIsFiled() throws Exception {
    TenantId other = ADMIN.seed().tenant("Annan AB");
    NewRecording theirs = calls.call(other, "201", ADMIN.clock().instant()).archive();
    NewRecording mine = call("201", Duration.ofHours(1));

    Api.Response r =
        superUser.post(
            "/api/v1/deletions", Map.of("ids", List.of(mine.id(), theirs.id()), "confirm", true));

    assertThat(r.status()).isEqualTo(404);
    assertThat(superUser.get("/api/v1/deletions").json().size()).isZero();
    Thread.sleep(1500);
    assertThat(new RecordingRepository(ADMIN.dsl()).find(other, theirs.id())).isPresent();
    assertThat(exists(mine)).isTrue();
  }

  @Test
  void productionRunsTheDeletionJobWellWithinTheHour() {
    AdminConfig defaults = AdminConfig.builder().build();

    assertThat(defaults.storageJobs()).contains(StorageJobs.Intervals.PRODUCTION);
    assertThat(StorageJobs.Intervals.PRODUCTION.deletion()).isLessThan(Duration.ofHours(1));
  }
}
