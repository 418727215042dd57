package se.vittne.admin.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
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
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.licence.LicenceLeases;
import se.vittne.storage.licence.LicenceUsage;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.WaveformRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Listening sessions hold the tenant's licences: taken on open, renewed while playing,
 * returned on close or after a timeout, refused beyond the tenant's count; and the waveform, which
 * is computed once.
 */
class ListeningIT {
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
  private String sessions;

  @BeforeEach
  void twoLicences() {
    tenant = new TenantId(UUID.randomUUID());
    new TenantRepository(ADMIN.dsl()).create(tenant, TenantSettings.defaults("Två AB", 2));
    recording =
        new Calls(ADMIN.dsl(), ADMIN.audio())
            .call(tenant, "201", ADMIN.clock().instant().minus(Duration.ofHours(1)))
            .archive();
    sessions = "/api/v1/recordings/" + recording.id() + "/listening-sessions";
  }

  private Api listener() {
    return ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
  }

  private LicenceUsage usage() {
    return new LicenceLeases(ADMIN.dsl(), ADMIN.clock()).usage(tenant);
  }

  @Test
  void openingAPlayerTakesALicenceAndClosingReturnsIt() {
    Api api = listener();

    Api.Response open = api.post(sessions, Map.of());

    assertThat(open.status()).isEqualTo(201);
    JsonNode session = open.json();
    assertThat(session.path("recording").asText()).isEqualTo(recording.id().toString());
    assertThat(session.path("renewAfterSeconds").asLong()).isEqualTo(30);
    assertThat(session.path("audio").asText())
        .isEqualTo(
            "/api/v1/recordings/"
                + recording.id()
                + "/audio?session="
                + session.path("id").asText());
    assertThat(usage().listening()).isEqualTo(1);

    assertThat(api.delete(sessions + "/" + session.path("id").asText()).status()).isEqualTo(204);

    assertThat(usage().listening()).isZero();
    assertThat(api.bytes(session.path("audio").asText(), Map.of()).status())
        .as("a closed player's audio is refused")
        .isEqualTo(409);
    assertThat(api.delete(sessions + "/" + session.path("id").asText()).status())
        .as("closing twice is no error")
        .isEqualTo(204);
  }

  @Test
  void aPlayerBeyondTheTenantsLicencesIsRefusedWithAClearReason() {
    Api first = listener();
    Api second = listener();
    Api third = listener();
    String one = first.post(sessions, Map.of()).json().path("id").asText();
    assertThat(second.post(sessions, Map.of()).status()).isEqualTo(201);

    Api.Response refused = third.post(sessions, Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problem()).isEqualTo("no-free-licence");
    assertThat(refused.json().path("detail").asText()).contains("All 2").contains("in use");
    assertThat(usage().refusedListening()).isEqualTo(1);
    assertThat(ADMIN.app().metrics().scrape()).contains("vittne_admin_listening_refused_total 1.0");

    first.delete(sessions + "/" + one);
    assertThat(third.post(sessions, Map.of()).status())
        .as("free again after a close")
        .isEqualTo(201);
  }

  @Test
  void aPlayerThatStopsRenewingLosesItsLicenceAfterTheTimeout() {
    Api gone = listener();
    Api playing = listener();
    String lapsed = gone.post(sessions, Map.of()).json().path("id").asText();
    String kept = playing.post(sessions, Map.of()).json().path("id").asText();

    ADMIN.clock().advance(Duration.ofSeconds(60));
    assertThat(playing.put(sessions + "/" + kept, Map.of()).status()).isEqualTo(200);
    ADMIN.clock().advance(Duration.ofSeconds(60));

    assertThat(usage().listening()).as("only the renewed one is held").isEqualTo(1);
    Api newcomer = listener();
    assertThat(newcomer.post(sessions, Map.of()).status()).isEqualTo(201);
    Api.Response late = gone.put(sessions + "/" + lapsed, Map.of());
    assertThat(late.status())
        .as("the lapsed one cannot come back while both are taken")
        .isEqualTo(409);
    assertThat(late.problem()).isEqualTo("no-free-licence");
  }

  @Test
  void playingTheAudioKeepsTheLicence() {
    Api api = listener();
    JsonNode session = api.post(sessions, Map.of()).json();

    ADMIN.clock().advance(Duration.ofSeconds(80));
    assertThat(api.bytes(session.path("audio").asText(), Map.of("Range", "bytes=0-9")).status())
        .isEqualTo(206);
    ADMIN.clock().advance(Duration.ofSeconds(80));

    assertThat(usage().listening()).isEqualTo(1);
  }

  @Test
  void openingIsInTheRecordingsHistory() {
    Api api = listener();
    api.post(sessions, Map.of());

    JsonNode history = api.get("/api/v1/recordings/" + recording.id() + "/history").json();

    assertThat(history.get(history.size() - 1).path("action").asText()).isEqualTo("LISTENED");
    assertThat(history.get(history.size() - 1).path("details").has("address")).isFalse();
  }

  @Test
  void aLoginWithoutMayListenIsToldSo() {
    Api deaf =
        ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER, Permissions.NONE, Set.of()).email());

    Api.Response r = deaf.post(sessions, Map.of());

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.problem()).isEqualTo("permission-flag-missing");
    assertThat(r.json().path("detail").asText()).contains("listen");
    assertThat(usage().listening()).isZero();
  }

  @Test
  void aRecordingOutsideTheScopeIsNotFound() {
    Api restricted =
        ADMIN.as(
            ADMIN
                .seed()
                .login(
                    tenant,
                    LoginRole.RESTRICTED,
                    Permissions.ALL,
                    Set.of(ADMIN.seed().department(tenant, "Annan").id()))
                .email());

    assertThat(restricted.post(sessions, Map.of()).status()).isEqualTo(404);
    assertThat(restricted.get("/api/v1/recordings/" + recording.id() + "/waveform").status())
        .isEqualTo(404);
  }

  @Test
  void theWaveformIsComputedOnceFromTheWavAndKept() throws Exception {
    Api api = listener();
    String url = "/api/v1/recordings/" + recording.id() + "/waveform";

    Api.Response first = api.get(url);

    assertThat(first.status()).isEqualTo(200);
    JsonNode w = first.json();
    assertThat(w.path("channels").asInt()).isEqualTo(2);
    assertThat(w.path("points").asInt()).isEqualTo(1000);
    assertThat(w.path("durationMs").asLong()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(w.path("peaks").get(0).get(i).asDouble()).as("the silent channel").isZero();
      assertThat(w.path("peaks").get(1).get(i).asDouble()).as("the tone").isEqualTo(1.0);
    }
    assertThat(new WaveformRepository(ADMIN.dsl()).find(tenant, recording.id())).isPresent();

    ADMIN.audio().delete(new StoreKey(recording.audio().storeKey()));
    Api.Response again = api.get(url);

    assertThat(again.status()).as("served from the kept peaks").isEqualTo(200);
    assertThat(again.json()).isEqualTo(w);
  }
}
