package se.vittne.admin.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Calls;
import se.vittne.policy.Direction;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.testing.PostgresExtension;

/** Downloads: the file name, Content-Disposition, and several at once as a ZIP. */
class DownloadIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private static TenantId tenant;
  private static NewRecording pelle;
  private static NewRecording asa;
  private static NewRecording twin;
  private static Api superUser;

  private static Instant local(int hour, int minute, int second) {
    return LocalDateTime.of(2026, 11, 20, hour, minute, second)
        .atZone(ZoneId.of("Europe/Stockholm"))
        .toInstant();
  }

  @BeforeAll
  static void seed() {
    tenant = ADMIN.seed().tenant("Ladda AB");
    Calls calls = new Calls(ADMIN.dsl(), ADMIN.audio());
    pelle =
        calls
            .call(tenant, "201", local(10, 46, 51))
            .user("Pelle Persson")
            .remote("+46709200000")
            .ddi("+46735143332")
            .direction(Direction.INCOMING)
            .archive();
    asa =
        calls
            .call(tenant, "202", local(8, 4, 29))
            .user("Åsa Öberg/Säljare: \"bäst\"")
            .remote("a166947208")
            .audio(java.time.Duration.ofMillis(500))
            .archive();
    // the same second, user and numbers as Pelle's: the same name, made unique in a ZIP
    twin =
        calls
            .call(tenant, "201", local(10, 46, 51))
            .user("Pelle Persson")
            .remote("+46709200000")
            .ddi("+46735143332")
            .archive();
    superUser = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
  }

  private static byte[] stored(NewRecording r) throws Exception {
    try (InputStream in = ADMIN.audio().get(new StoreKey(r.audio().storeKey()))) {
      return in.readAllBytes();
    }
  }

  @Test
  void oneRecordingUnderItsR54Name() throws Exception {
    Api.Binary r = superUser.bytes("/api/v1/recordings/" + pelle.id() + "/download", Map.of());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(stored(pelle));
    assertThat(r.header("Content-Type")).startsWith("audio/wav");
    assertThat(r.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"2026-11-20_10-46-51_201_Pelle-Persson_+46709200000_+46735143332.wav\";"
                + " filename*=UTF-8''2026-11-20_10-46-51_201_Pelle-Persson_%2B46709200000_%2B46735143332.wav");
  }

  @Test
  void aNameIsSafeForFileSystemsAndKeepsItsLettersInFilenameStar() {
    Api.Binary r = superUser.bytes("/api/v1/recordings/" + asa.id() + "/download", Map.of());

    String disposition = r.header("Content-Disposition");
    assertThat(disposition)
        .contains("filename=\"2026-11-20_08-04-29_202_Asa-Oberg-Saljare-bast_a166947208.wav\"")
        .contains(
            "filename*=UTF-8''2026-11-20_08-04-29_202_%C3%85sa-%C3%96berg-S%C3%A4ljare-b%C3%A4st_a166947208.wav");
  }

  @Test
  void severalAsAZipWithTheirFilesAndNames() throws Exception {
    Api.Binary r =
        superUser.binary(
            "POST",
            "/api/v1/recordings/download",
            "application/json",
            "{\"ids\":[\"" + pelle.id() + "\",\"" + asa.id() + "\",\"" + twin.id() + "\"]}",
            Map.of());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/zip");
    assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"recordings_");
    assertThat(r.header("Content-Length")).as("streamed while it is built").isNull();
    Map<String, byte[]> entries = unzip(r.body());
    assertThat(entries.keySet())
        .containsExactly(
            "2026-11-20_10-46-51_201_Pelle-Persson_+46709200000_+46735143332.wav",
            "2026-11-20_08-04-29_202_Åsa-Öberg-Säljare-bäst_a166947208.wav",
            "2026-11-20_10-46-51_201_Pelle-Persson_+46709200000_+46735143332_2.wav");
    assertThat(entries.get("2026-11-20_10-46-51_201_Pelle-Persson_+46709200000_+46735143332.wav"))
        .isEqualTo(stored(pelle));
    assertThat(entries.get("2026-11-20_08-04-29_202_Åsa-Öberg-Säljare-bäst_a166947208.wav"))
        .isEqualTo(stored(asa));
    assertThat(entries.get("2026-11-20_10-46-51_201_Pelle-Persson_+46709200000_+46735143332_2.wav"))
        .isEqualTo(stored(twin));
  }

  @Test
  void aZipFromAnHtmlForm() throws Exception {
    Api.Binary r =
        superUser.binary(
            "POST",
            "/api/v1/recordings/download",
            "application/x-www-form-urlencoded",
            "id=" + pelle.id() + "&id=" + asa.id() + "&_csrf=" + superUser.csrf(),
            Map.of());

    assertThat(r.status()).isEqualTo(200);
    assertThat(unzip(r.body())).hasSize(2);
  }

  @Test
  void oneIdTheLoginMayNotSeeMakesTheWholeZipNotFound() {
    TenantId other = ADMIN.seed().tenant("Annan AB");
    NewRecording theirs =
        new Calls(ADMIN.dsl(), ADMIN.audio()).call(other, "201", local(9, 0, 0)).archive();

    Api.Response r =
        superUser.post(
            "/api/v1/recordings/download", Map.of("ids", List.of(pelle.id(), theirs.id())));
    Api.Response none =
        superUser.post(
            "/api/v1/recordings/download", Map.of("ids", List.of(pelle.id(), UUID.randomUUID())));

    assertThat(r.status()).isEqualTo(404);
    assertThat(none.status()).isEqualTo(404);
    assertThat(r.problem()).isEqualTo(none.problem()).isEqualTo("not-found");
    assertThat(superUser.post("/api/v1/recordings/download", Map.of("ids", List.of())).status())
        .isEqualTo(422);
  }

  @Test
  void everyDownloadIsInTheRecordingsHistory() {
    Api api = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
    api.bytes("/api/v1/recordings/" + asa.id() + "/download", Map.of());

    var history = new AuditLog(ADMIN.dsl()).historyOf(tenant, asa.id());

    assertThat(history)
        .anySatisfy(e -> {
          assertThat(e.entry().action()).isEqualTo("DOWNLOADED");
          assertThat(e.entry().actorLogin()).isPresent();
        });
  }

  @Test
  void aLoginWithoutMayDownloadIsToldSo() {
    Api listenOnly =
        ADMIN.as(
            ADMIN.seed().login(tenant, LoginRole.SUPER, Permissions.LISTEN_ONLY, Set.of()).email());

    Api.Response one = listenOnly.get("/api/v1/recordings/" + pelle.id() + "/download");
    Api.Response zip =
        listenOnly.post("/api/v1/recordings/download", Map.of("ids", List.of(pelle.id())));

    assertThat(one.status()).isEqualTo(403);
    assertThat(one.problem()).isEqualTo("permission-flag-missing");
    assertThat(zip.status()).isEqualTo(403);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
