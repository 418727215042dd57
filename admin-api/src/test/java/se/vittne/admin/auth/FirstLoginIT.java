package se.vittne.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Mailbox;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

/**
 * a new login gets a link to the web app and, separately, a temporary password; the first
 * login forces a password change (R-22 rules, confirmation e-mail), then the licence agreement.
 */
class FirstLoginIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private static final Pattern TEMPORARY = Pattern.compile("(?m)^(\\S{16})\\s*$");

  private TenantId tenant;
  private Api admin;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    Login superUser = ADMIN.seed().login(tenant, LoginRole.SUPER);
    admin = ADMIN.as(superUser.email());
  }

  private String invite(String email, String language) {
    Api.Response created =
        admin.post(
            "/api/v1/logins", Map.of("email", email, "role", "MY_CONSOLE", "language", language));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("INVITED");
    List<Mailbox.Mail> mails = ADMIN.mailbox().await(email, 2);
    Mailbox.Mail password =
        mails.stream()
            .filter(m -> TEMPORARY.matcher(m.body()).find())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no temporary password in " + mails));
    Matcher m = TEMPORARY.matcher(password.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aNewLoginGetsALinkAndSeparatelyATemporaryPassword() {
    String email = Seed.email("lisa");
    String temporary = invite(email, "sv");

    List<Mailbox.Mail> mails = ADMIN.mailbox().to(email);
    Mailbox.Mail welcome =
        mails.stream()
            .filter(x -> x.subject().equals("Din inloggning till Vittne"))
            .findFirst()
            .orElseThrow();
    Mailbox.Mail password =
        mails.stream()
            .filter(x -> x.subject().equals("Ditt tillfälliga lösenord till Vittne"))
            .findFirst()
            .orElseThrow();
    assertThat(welcome.body())
        .contains("Bolaget AB")
        .contains(AdminExtension.PUBLIC_URL + "/")
        .contains(email)
        .doesNotContain(temporary);
    assertThat(password.body()).contains(temporary).doesNotContain("http");
    assertThat(welcome.from()).contains("no-reply@vittne.test");
    assertThat(PasswordRules.violations("p", temporary)).isEmpty();
  }

  @Test
  void theMailsAreInEnglishForAnEnglishLogin() {
    String email = Seed.email("john");
    invite(email, "en");

    assertThat(ADMIN.mailbox().to(email))
        .extracting(Mailbox.Mail::subject)
        .containsExactlyInAnyOrder("Your Vittne login", "Your temporary Vittne password");
  }

  @Test
  void theFirstLoginMustChangeThePasswordThenAcceptTheLicence() {
    String email = Seed.email("lisa");
    String temporary = invite(email, "en");
    Api browser = ADMIN.api();

    ADMIN.clock().advance(java.time.Duration.ofMinutes(5));
    Api.Response in = browser.login(email, temporary);
    assertThat(in.status()).isEqualTo(200);
    assertThat(in.json().path("pendingSteps").toString())
        .isEqualTo("[\"CHANGE_PASSWORD\",\"ACCEPT_LICENCE\"]");

    Api.Response blocked = browser.get("/api/v1/auth/tokens");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.problem()).isEqualTo("password-change-required");
    Api.Response tooEarly =
        browser.post(
            "/api/v1/auth/licence-agreement", Map.of("version", LicenceAgreement.CURRENT_VERSION));
    assertThat(tooEarly.status()).isEqualTo(409);

    Api.Response changed =
        browser.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", temporary, "newPassword", "Brand-New-Pass-9"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("pendingSteps").toString()).isEqualTo("[\"ACCEPT_LICENCE\"]");
    browser.csrf(changed.json().path("csrfToken").asText());

    Api.Response stillBlocked = browser.get("/api/v1/auth/tokens");
    assertThat(stillBlocked.status()).isEqualTo(403);
    assertThat(stillBlocked.problem()).isEqualTo("licence-acceptance-required");

    Api.Response licence = browser.get("/api/v1/auth/licence-agreement");
    assertThat(licence.json().path("accepted").asBoolean()).isFalse();
    assertThat(licence.json().path("text").asText()).contains("licence agreement");
    assertThat(
            browser
                .post(
                    "/api/v1/auth/licence-agreement",
                    Map.of("version", licence.json().path("version").asText()))
                .status())
        .isEqualTo(204);

    assertThat(browser.get("/api/v1/auth/tokens").status()).isEqualTo(200);
    assertThat(browser.get("/api/v1/auth/session").json().path("pendingSteps")).isEmpty();
    assertThat(
            browser
                .post(
                    "/api/v1/auth/licence-agreement",
                    Map.of("version", LicenceAgreement.CURRENT_VERSION))
                .status())
        .as("accepted once")
        .isEqualTo(409);
    assertThat(ADMIN.api().login(email, temporary).status()).isEqualTo(401);
    assertThat(ADMIN.api().login(email, "Brand-New-Pass-9").status()).isEqualTo(200);
  }

  @Test
  void aPasswordChangeIsConfirmedByMail() {
    String email = Seed.email("lisa");
    String temporary = invite(email, "sv");
    Api browser = ADMIN.api();
    browser.login(email, temporary);
    ADMIN.clock().advance(java.time.Duration.ofMinutes(5));

    browser.post(
        "/api/v1/auth/password",
        Map.of("currentPassword", temporary, "newPassword", "Brand-New-Pass-9"));

    Mailbox.Mail confirmation = ADMIN.mailbox().await(email, 3).get(2);
    assertThat(confirmation.subject()).isEqualTo("Ditt lösenord till Vittne har ändrats");
    assertThat(confirmation.body())
        .contains(email)
        .contains("127.0.0.1")
        .doesNotContain("Brand-New");
  }

  @Test
  void anAdministratorCanIssueANewTemporaryPassword() {
    String email = Seed.email("lisa");
    invite(email, "en");
    String loginId =
        java.util.stream.StreamSupport.stream(
                admin.get("/api/v1/logins").json().path("items").spliterator(), false)
            .filter(n -> n.path("email").asText().equals(email))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();

    ADMIN.clock().advance(java.time.Duration.ofMinutes(5));
    assertThat(admin.post("/api/v1/logins/" + loginId + "/temporary-password", null).status())
        .isEqualTo(204);

    Mailbox.Mail again = ADMIN.mailbox().await(email, 3).get(2);
    assertThat(again.subject()).isEqualTo("Your temporary Vittne password");
    Matcher m = TEMPORARY.matcher(again.body());
    assertThat(m.find()).isTrue();
    assertThat(ADMIN.api().login(email, m.group(1)).json().path("pendingSteps").toString())
        .contains("CHANGE_PASSWORD");
  }
}
