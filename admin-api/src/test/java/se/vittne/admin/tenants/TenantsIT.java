package se.vittne.admin.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import se.vittne.storage.audit.AuditRecord;
import se.vittne.storage.licence.LeaseKind;
import se.vittne.storage.licence.LicenceLeases;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.trunk.Trunk;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * Operators run tenants, licences and trunks and invite a tenant's first logins.
 */
class TenantsIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private Api operator;

  @BeforeEach
  void setUp() {
    operator = ADMIN.as(ADMIN.seed().operator().email());
  }

  private String createTenant(String name) {
    Api.Response r = operator.post("/api/v1/tenants", Map.of("name", name, "licenceCount", 10));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  @Test
  void aTenantIsCreatedWithTheGuidesDefaults() {
    Api.Response r =
        operator.post("/api/v1/tenants", Map.of("name", "Telefonbolaget AB", "licenceCount", 12));

    JsonNode t = r.json();
    assertThat(r.status()).isEqualTo(201);
    assertThat(t.path("name").asText()).isEqualTo("Telefonbolaget AB");
    assertThat(t.path("licenceCount").asInt()).isEqualTo(12);
    assertThat(t.path("countryCode").asText()).isEqualTo("46");
    assertThat(t.path("timeZone").asText()).isEqualTo("Europe/Stockholm");
    assertThat(t.path("retentionDays").asInt()).isEqualTo(90);
    assertThat(t.path("officeHours").path("opens").asText()).isEqualTo("08:00");
    assertThat(t.path("officeHours").path("days")).hasSize(5);
    assertThat(operator.get("/api/v1/tenants/" + t.path("id").asText()).json()).isEqualTo(t);
  }

  @Test
  void invalidSettingsAreReportedPerField() {
    Api.Response r =
        operator.post(
            "/api/v1/tenants",
            Map.of(
                "name",
                " ",
                "licenceCount",
                -1,
                "timeZone",
                "Mars/Olympus",
                "retentionDays",
                0,
                "officeHours",
                Map.of("opens", "17:00", "closes", "08:00", "days", List.of())));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").findValuesAsText("field"))
        .contains(
            "name",
            "licenceCount",
            "timeZone",
            "retentionDays",
            "officeHours.closes",
            "officeHours.days");
  }

  @Test
  void tenantsAreListedAPageAtATime() {
    for (int i = 0; i < 3; i++) {
      createTenant("Sida " + i + " " + UUID.randomUUID());
    }

    Api.Response page = operator.get("/api/v1/tenants?limit=2&offset=1");

    assertThat(page.json().path("items")).hasSize(2);
    assertThat(page.json().path("limit").asInt()).isEqualTo(2);
    assertThat(page.json().path("offset").asInt()).isEqualTo(1);
    assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(operator.get("/api/v1/tenants?limit=5000").status()).isEqualTo(422);
  }

  @Test
  void settingsAreReplacedAndAudited() {
    String id = createTenant("Gamla namnet AB");

    Api.Response r =
        operator.put(
            "/api/v1/tenants/" + id,
            Map.of(
                "name", "Nya namnet AB", "licenceCount", 3, "retentionDays", 180, "active", false));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("name").asText()).isEqualTo("Nya namnet AB");
    assertThat(r.json().path("active").asBoolean()).isFalse();
    List<AuditRecord> audit =
        new AuditLog(ADMIN.dsl())
            .list(TenantId.of(id), Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 10);
    assertThat(audit)
        .extracting(a -> a.entry().action())
        .contains("TENANT_CREATED", "TENANT_UPDATED");
    assertThat(audit.get(0).entry().details()).containsEntry("address", "127.0.0.1");
  }

  @Test
  void deletingATenantNeedsAnExplicitConfirmation() {
    String id = createTenant("Kortlivat AB");

    Api.Response unconfirmed = operator.delete("/api/v1/tenants/" + id);
    Api.Response confirmed = operator.delete("/api/v1/tenants/" + id + "?confirm=true");

    assertThat(unconfirmed.status()).isEqualTo(422);
    assertThat(confirmed.status()).isEqualTo(204);
    assertThat(operator.get("/api/v1/tenants/" + id).status()).isEqualTo(404);
  }

  @Test
  void licencesAreSetAndTheirUseIsShown() {
    String id = createTenant("Licens AB");
    new LicenceLeases(ADMIN.dsl(), ADMIN.clock())
        .acquire(TenantId.of(id), "call-1", LeaseKind.RECORDING, "node-1", Duration.ofMinutes(1));

    Api.Response set =
        operator.put("/api/v1/tenants/" + id + "/licences", Map.of("licenceCount", 2));
    Api.Response usage = operator.get("/api/v1/tenants/" + id + "/licences");

    assertThat(set.status()).isEqualTo(200);
    assertThat(usage.json().path("licenceCount").asInt()).isEqualTo(2);
    assertThat(usage.json().path("recordings").asInt()).isEqualTo(1);
    assertThat(usage.json().path("inUse").asInt()).isEqualTo(1);
    assertThat(
            operator
                .put("/api/v1/tenants/" + id + "/licences", Map.of("licenceCount", -3))
                .status())
        .isEqualTo(422);
  }

  @Test
  void aTrunksDigestPasswordIsStoredAsItsHa1AndNeverShown() throws Exception {
    String id = createTenant("Trunk AB");

    Api.Response r =
        operator.post(
            "/api/v1/tenants/" + id + "/trunks",
            Map.of(
                "name", "Växeln",
                "sources", List.of("192.0.2.0/24", "2001:db8::10"),
                "digest", Map.of("realm", "vittne", "username", "pbx", "password", "s3cret!")));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.body()).doesNotContain("s3cret").doesNotContain("ha1");
    assertThat(r.json().path("digest").path("username").asText()).isEqualTo("pbx");
    assertThat(r.json().path("sources").toString()).contains("192.0.2.0/24", "2001:db8::10/128");
    Trunk stored =
        new TrunkRepository(ADMIN.dsl())
            .find(TenantId.of(id), UUID.fromString(r.json().path("id").asText()))
            .orElseThrow();
    // RFC 7616: HA1 = MD5("pbx:vittne:s3cret!")
    assertThat(stored.digest().orElseThrow().ha1()).isEqualTo("5696e4df29c525eb506f07192b88d3e5");
    assertThat(new TrunkRepository(ADMIN.dsl()).findBySource(InetAddress.getByName("192.0.2.77")))
        .isPresent();
  }

  @Test
  void aSourceThatIsNotANetworkIsReportedClearly() {
    String id = createTenant("Trunk AB");

    Api.Response r =
        operator.post(
            "/api/v1/tenants/" + id + "/trunks",
            Map.of(
                "name",
                "Växeln",
                "sources",
                List.of("192.0.2.1/24", "pbx.example.com", "10.0.0.0/33")));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").findValuesAsText("field"))
        .containsExactly("sources[0]", "sources[1]", "sources[2]");
    assertThat(r.json().path("errors").get(0).path("message").asText()).contains("192.0.2.0/24");
  }

  @Test
  void aTrunkIsChangedAndRemoved() {
    String id = createTenant("Trunk AB");
    String trunk =
        operator
            .post(
                "/api/v1/tenants/" + id + "/trunks",
                Map.of(
                    "name", "Växeln",
                    "sources", List.of("192.0.2.0/24"),
                    "digest", Map.of("realm", "r", "username", "u", "password", "p")))
            .json()
            .path("id")
            .asText();
    String path = "/api/v1/tenants/" + id + "/trunks/" + trunk;

    Api.Response changed =
        operator.put(
            path, Map.of("name", "Växeln 2", "sources", List.of("198.51.100.7"), "enabled", false));

    assertThat(changed.json().path("name").asText()).isEqualTo("Växeln 2");
    assertThat(changed.json().path("digest").isNull()).isTrue();
    assertThat(changed.json().path("enabled").asBoolean()).isFalse();
    assertThat(operator.get("/api/v1/tenants/" + id + "/trunks").json()).hasSize(1);
    assertThat(operator.delete(path).status()).isEqualTo(204);
    assertThat(operator.get(path).status()).isEqualTo(404);
  }

  @Test
  void anOperatorInvitesATenantsFirstSuperUser() {
    String id = createTenant("Ny kund AB");
    String email = Seed.email("chef");

    Api.Response r =
        operator.post(
            "/api/v1/tenants/" + id + "/logins",
            Map.of("email", email, "role", "SUPER", "language", "en"));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    List<Mailbox.Mail> mails = ADMIN.mailbox().await(email, 2);
    assertThat(mails)
        .extracting(Mailbox.Mail::subject)
        .containsExactlyInAnyOrder("Your Vittne login", "Your temporary Vittne password");
    assertThat(mails.get(0).body() + mails.get(1).body()).contains("Ny kund AB");
    assertThat(operator.get("/api/v1/tenants/" + id + "/logins").json().findValuesAsText("email"))
        .containsExactly(email);
  }

  @Test
  void aSuperUserSeesTheirOwnTenantAndLicenceUse() {
    TenantId tenant = ADMIN.seed().tenant("Egen AB");
    Api superUser = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());

    assertThat(superUser.get("/api/v1/tenant").json().path("name").asText()).isEqualTo("Egen AB");
    assertThat(superUser.get("/api/v1/licences").json().path("licenceCount").asInt()).isEqualTo(5);
    assertThat(superUser.get("/api/v1/tenants").status()).isEqualTo(403);
  }
}
