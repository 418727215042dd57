package se.vittne.admin.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Calls;
import se.vittne.admin.testing.Mailbox;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.Direction;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.login.SecretTokens;
import se.vittne.storage.notes.Note;
import se.vittne.storage.notes.NoteRepository;
import se.vittne.storage.recording.Flag;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Sharing by e-mail: the mail's content in both languages (GreenMail), the link that plays
 * only that recording without a login, with range requests, for 24 hours (a controllable clock),
 * revoking, the clear pages of a link that no longer works, and the audit of every use.
 */
class SharingIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(AdminExtension.PUBLIC_URL + "/shared/") + "([A-Za-z0-9_-]+)");

  private TenantId tenant;
  private java.util.UUID department;
  private NewRecording recording;
  private Api sharer;
  private String sharerEmail;
  private String base;

  @BeforeEach
  void seed() {
    ADMIN.clock().set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    tenant = ADMIN.seed().tenant("Dela AB");
    department = ADMIN.seed().department(tenant, "Kundtjänst").id();
    Instant start =
        LocalDateTime.of(2026, 3, 16, 10, 7, 18).atZone(ZoneId.of("Europe/Stockholm")).toInstant();
    recording =
        new Calls(ADMIN.dsl(), ADMIN.audio())
            .call(tenant, "a166947070", start)
            .user("Pelle Persson")
            .direction(Direction.INCOMING)
            .remote("+46709214080")
            .ddi("+46735143332")
            .group("Kundtjänst")
            .length(Duration.ofSeconds(26))
            .department(department)
            .archive();
    new NoteRepository(ADMIN.dsl())
        .save(
            tenant,
            recording.id(),
            new Note(
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                Flag.NONE,
                java.util.Optional.of("Offert")),
            java.util.UUID.randomUUID(),
            Instant.now());
    var login = ADMIN.seed().login(tenant, LoginRole.SUPER);
    sharerEmail = login.email();
    sharer = ADMIN.as(sharerEmail);
    base = "/api/v1/recordings/" + recording.id();
  }

  private String share(String to, String language) {
    Api.Response r =
        sharer.post(
            base + "/shares",
            Map.of("to", to, "subject", "Pelles inspelning", "language", language));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.body()).doesNotContain("token");
    Mailbox.Mail mail = ADMIN.mailbox().await(to, 1).get(0);
    Matcher m = LINK.matcher(mail.body());
    assertThat(m.find()).as(mail.body()).isTrue();
    return m.group(1);
  }

  @Test
  void theMailHoldsTheCallsFactsAndTheLinkInSwedish() {
    String to = Seed.email("kalle");
    String token = share(to, "sv");

    Mailbox.Mail mail = ADMIN.mailbox().await(to, 1).get(0);
    assertThat(mail.subject()).isEqualTo("Pelles inspelning");
    assertThat(mail.body())
        .contains(sharerEmail + " har delat en samtalsinspelning med dig.")
        .contains("Riktning: Inkommande")
        .contains("Datum: 2026-03-16")
        .contains("Tid: 10:07:18")
        .contains("Anknytning: a166947070")
        .contains("Användare: Pelle Persson")
        .contains("Nummer: +46709214080")
        .contains("Direktnummer (DDI): +46735143332")
        .contains("Kanal: Kundtjänst")
        .contains("Samtalstid: 00:00:26")
        .contains("Samtalstagg: Offert")
        .contains("Utvärdering: Nej")
        .contains("Länken fungerar till");
    assertThat(token.length()).as("256 random bits").isGreaterThanOrEqualTo(43);
  }

  @Test
  void theMailInEnglish() {
    String to = Seed.email("ken");
    share(to, "en");

    Mailbox.Mail mail = ADMIN.mailbox().await(to, 1).get(0);
    assertThat(mail.body())
        .contains("has shared a call recording with you")
        .contains("Direction: Incoming")
        .contains("Duration: 00:00:26")
        .contains("Evaluated: No")
        .contains("Channel: Kundtjänst");
  }

  @Test
  void theLinkPlaysThatRecordingWithoutALoginWithRanges() throws Exception {
    String token = share(Seed.email("visitor"), "sv");
    Api visitor = ADMIN.api();
    byte[] wav;
    try (var in = ADMIN.audio().get(new StoreKey(recording.audio().storeKey()))) {
      wav = in.readAllBytes();
    }

    Api.Response page =
        visitor.send(
            "GET", "/shared/" + token, null, null, Map.of("Accept-Language", "sv-SE,sv;q=0.9"));
    Api.Binary whole = visitor.bytes("/shared/" + token + "/audio", Map.of());
    Api.Binary last = visitor.bytes("/shared/" + token + "/audio", Map.of("Range", "bytes=-1000"));
    Api.Binary outside =
        visitor.bytes("/shared/" + token + "/audio", Map.of("Range", "bytes=" + wav.length + "-"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("<audio controls")
        .contains("src=\"/shared/" + token + "/audio\"")
        .contains("Pelles inspelning")
        .contains("Pelle Persson")
        .contains("Inkommande")
        .contains("lang=\"sv\"");
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(wav);
    assertThat(last.status()).isEqualTo(206);
    assertThat(last.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 1000, wav.length));
    assertThat(outside.status()).isEqualTo(416);
  }

  @Test
  void theLinkStopsWorkingAfter24HoursWithAClearPage() {
    String token = share(Seed.email("late"), "en");
    Api visitor = ADMIN.api();

    ADMIN.clock().advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(visitor.get("/shared/" + token).status()).isEqualTo(200);
    ADMIN.clock().advance(Duration.ofMinutes(1));

    Api.Response page = visitor.get("/shared/" + token);
    Api.Response audio = visitor.get("/shared/" + token + "/audio");
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("This link no longer works")
        .contains("valid for 24 hours")
        .doesNotContain("Exception")
        .doesNotContain("<audio");
    assertThat(audio.status()).isEqualTo(410);
    assertThat(audio.problem()).isEqualTo("share-link-gone");
  }

  @Test
  void aRevokedLinkAndAnUnknownOneGetClearPages() {
    String token = share(Seed.email("revoked"), "en");
    String id = sharer.get(base + "/shares").json().get(0).path("id").asText();

    Api.Response revoked = sharer.delete(base + "/shares/" + id);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
    Api.Response gone =
        ADMIN.api().send("GET", "/shared/" + token, null, null, Map.of("Accept-Language", "sv"));
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.body()).contains("har dragit tillbaka länken");
    Api.Response unknown = ADMIN.api().get("/shared/" + SecretTokens.newToken());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("No recording here");
  }

  @Test
  void onlyTheSharerOrASuperUserRevokes() {
    share(Seed.email("x"), "en");
    String id = sharer.get(base + "/shares").json().get(0).path("id").asText();
    Api colleague =
        ADMIN.as(
            ADMIN
                .seed()
                .login(tenant, LoginRole.RESTRICTED, Permissions.ALL, Set.of(department))
                .email());
    Api myConsole = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.MY_CONSOLE).email());

    assertThat(colleague.get(base + "/shares").json().size()).isEqualTo(1);
    assertThat(colleague.delete(base + "/shares/" + id).status()).isEqualTo(403);
    assertThat(myConsole.delete(base + "/shares/" + id).status())
        .as("a My Console user does not see the recording at all")
        .isEqualTo(404);
    assertThat(
            ADMIN
                .as(ADMIN.seed().login(tenant, LoginRole.SUPER).email())
                .delete(base + "/shares/" + id)
                .status())
        .isEqualTo(200);
  }

  @Test
  void theTokenIsStoredOnlyAsItsHash() {
    String token = share(Seed.email("hash"), "en");

    var hashes = ADMIN.dsl().fetch("select token_hash from share_link").getValues(0, String.class);

    assertThat(hashes).contains(SecretTokens.hash(token)).doesNotContain(token);
  }

  @Test
  void everyShareOpeningAndPlayingIsAudited() {
    String to = Seed.email("audit");
    String token = share(to, "en");
    Api visitor = ADMIN.api();
    visitor.get("/shared/" + token);
    visitor.bytes("/shared/" + token + "/audio", Map.of("Range", "bytes=0-"));
    visitor.bytes("/shared/" + token + "/audio", Map.of("Range", "bytes=5000-"));

    List<String> actions = new ArrayList<>();
    new AuditLog(ADMIN.dsl())
        .historyOf(tenant, recording.id())
        .forEach(e -> actions.add(e.entry().action() + " by " + e.entry().actor()));

    assertThat(actions)
        .containsExactly(
            "SHARED by " + sharerEmail,
            "SHARE_OPENED by shared link to " + to,
            "SHARE_PLAYED by shared link to " + to);
  }

  @Test
  void aLoginWithoutMayEmailIsToldSo() {
    Api noMail =
        ADMIN.as(
            ADMIN.seed().login(tenant, LoginRole.SUPER, Permissions.LISTEN_ONLY, Set.of()).email());

    Api.Response r = noMail.post(base + "/shares", Map.of("to", "a@b.se", "subject", "x"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.problem()).isEqualTo("permission-flag-missing");
    assertThat(r.json().path("detail").asText()).contains("e-mail");
  }

  @Test
  void theRecipientAndSubjectAreChecked() {
    Api.Response r = sharer.post(base + "/shares", Map.of("to", "not an address", "subject", ""));

    assertThat(r.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("to", "subject");
  }
}
