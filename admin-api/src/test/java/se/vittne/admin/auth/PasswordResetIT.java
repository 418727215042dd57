package se.vittne.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
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
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

/** forgot-password links are single-use, expire, and reveal nothing about addresses. */
class PasswordResetIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN =
      new AdminExtension(POSTGRES, MAIL, b -> b.resetLinkValidity(Duration.ofMinutes(60)));

  private static final Pattern LINK =
      Pattern.compile("http://vittne\\.test:8080/reset-password\\?token=([A-Za-z0-9_-]{43})");

  private TenantId tenant;
  private Login login;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    login = ADMIN.seed().login(tenant, LoginRole.MY_CONSOLE);
  }

  private Api.Response request(String email) {
    return ADMIN.api().post("/api/v1/auth/password-reset", Map.of("email", email));
  }

  private String token(Mailbox.Mail mail) {
    Matcher m = LINK.matcher(mail.body());
    assertThat(m.find()).as(mail.body()).isTrue();
    return m.group(1);
  }

  private Api.Response confirm(String token, String password) {
    ADMIN.clock().advance(Duration.ofSeconds(1));
    return ADMIN
        .api()
        .post(
            "/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", password));
  }

  @Test
  void aKnownAndAnUnknownAddressGetTheSameAnswer() {
    String unknown = Seed.email("nobody");

    Api.Response known = request(login.email());
    Api.Response other = request(unknown);

    assertThat(known.status()).isEqualTo(202);
    assertThat(other.status()).isEqualTo(known.status());
    assertThat(other.body()).isEqualTo(known.body());
    assertThat(headersBesidesDate(other)).isEqualTo(headersBesidesDate(known));
    assertThat(ADMIN.mailbox().await(login.email(), 1)).hasSize(1);
    assertThat(ADMIN.mailbox().settle(unknown, Duration.ofSeconds(1))).isEmpty();
  }

  private static Map<String, List<String>> headersBesidesDate(Api.Response r) {
    Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
    headers.remove("date");
    headers.remove("content-length");
    return headers;
  }

  @Test
  void theMailHoldsASingleUseLinkInTheLoginsLanguage() {
    new LoginRepository(ADMIN.dsl()).setLanguage(tenant, login.id(), "sv");
    request(login.email());

    Mailbox.Mail mail = ADMIN.mailbox().await(login.email(), 1).get(0);

    assertThat(mail.subject()).isEqualTo("Återställ ditt lösenord till Vittne");
    assertThat(mail.body()).contains(login.email()).contains("60 minuter");
    String token = token(mail);
    assertThat(confirm(token, "Brand-New-Pass-9").status()).isEqualTo(204);
    Api.Response again = confirm(token, "Other-New-Pass-9");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.problem()).isEqualTo("reset-link-invalid");
    assertThat(ADMIN.api().login(login.email(), Seed.PASSWORD).status()).isEqualTo(401);
    assertThat(ADMIN.api().login(login.email(), "Brand-New-Pass-9").status()).isEqualTo(200);
    Mailbox.Mail confirmation = ADMIN.mailbox().await(login.email(), 2).get(1);
    assertThat(confirmation.subject()).isEqualTo("Ditt lösenord till Vittne har ändrats");
  }

  @Test
  void aRejectedPasswordLeavesTheLinkUsable() {
    request(login.email());
    String token = token(ADMIN.mailbox().await(login.email(), 1).get(0));

    Api.Response weak = confirm(token, "weak");
    Api.Response reused = confirm(token, Seed.PASSWORD);

    assertThat(weak.status()).isEqualTo(422);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().path("errors").get(0).path("code").asText())
        .isEqualTo("recently-used");
    assertThat(confirm(token, "Brand-New-Pass-9").status()).isEqualTo(204);
  }

  @Test
  void aLinkExpires() {
    request(login.email());
    String token = token(ADMIN.mailbox().await(login.email(), 1).get(0));

    ADMIN.clock().advance(Duration.ofMinutes(61));

    Api.Response r = confirm(token, "Brand-New-Pass-9");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.problem()).isEqualTo("reset-link-invalid");
  }

  @Test
  void resettingEndsEverySessionOfTheLogin() {
    Api browser = ADMIN.as(login.email());
    request(login.email());
    String token = token(ADMIN.mailbox().await(login.email(), 1).get(0));

    confirm(token, "Brand-New-Pass-9");

    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(401);
  }

  @Test
  void aDeactivatedLoginGetsNoLinkButTheSameAnswer() {
    new LoginRepository(ADMIN.dsl()).setActive(tenant, login.id(), false);

    Api.Response r = request(login.email());

    assertThat(r.status()).isEqualTo(202);
    assertThat(ADMIN.mailbox().settle(login.email(), Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void aMadeUpTokenIsRefused() {
    Api.Response r = confirm("x".repeat(43), "Brand-New-Pass-9");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.problem()).isEqualTo("reset-link-invalid");
  }

  @Test
  void onlyAFewLinksAreMailedToOneAddressPerHour() {
    for (int i = 0; i < 5; i++) {
      assertThat(request(login.email()).status()).isEqualTo(202);
    }

    assertThat(ADMIN.mailbox().await(login.email(), 3)).hasSize(3);
    assertThat(ADMIN.mailbox().settle(login.email(), Duration.ofSeconds(1))).hasSize(3);
  }
}
