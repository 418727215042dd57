package se.vittne.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

/** the rules, a new password every 100 days, not one of the last 10. */
class PasswordRulesIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private Login login;
  private Api browser;
  private String current;

  @BeforeEach
  void setUp() {
    TenantId tenant = ADMIN.seed().tenant("Bolaget AB");
    login = ADMIN.seed().login(tenant, LoginRole.SUPER);
    browser = ADMIN.as(login.email());
    current = Seed.PASSWORD;
  }

  private Api.Response change(String next) {
    // the password history is keyed by the time a password was set
    ADMIN.clock().advance(Duration.ofSeconds(1));
    Api.Response r =
        browser.post(
            "/api/v1/auth/password", Map.of("currentPassword", current, "newPassword", next));
    if (r.status() == 200) {
      current = next;
      browser.csrf(r.json().path("csrfToken").asText());
    }
    return r;
  }

  private static List<String> codes(Api.Response r) {
    List<String> codes = new ArrayList<>();
    for (JsonNode e : r.json().path("errors")) {
      codes.add(e.path("code").asText());
    }
    return codes;
  }

  @Test
  void eachBrokenRuleIsReportedByItsCode() {
    assertThat(codes(change("short1!"))).contains("too-short");
    assertThat(codes(change("ALLUPPER-123"))).containsExactly("no-lower-case");
    assertThat(codes(change("alllower-123"))).containsExactly("no-upper-case");
    assertThat(codes(change("NoDigits-here"))).containsExactly("no-digit");
    assertThat(codes(change("NoSpecial123"))).containsExactly("no-special");
    assertThat(codes(change("abc")))
        .containsExactlyInAnyOrder("too-short", "no-upper-case", "no-digit", "no-special");
    Api.Response ok = change("Fine-Pass-123");
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void theCurrentPasswordMustBeRight() {
    Api.Response r =
        browser.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "Wrong-Pass-1", "newPassword", "Fine-Pass-123"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(codes(r)).containsExactly("wrong-password");
  }

  @Test
  void noneOfTheLastTenPasswordsMayBeReused() {
    List<String> used = new ArrayList<>();
    used.add(Seed.PASSWORD);
    for (int i = 1; i <= 9; i++) {
      String next = "Password-" + i + "x";
      assertThat(change(next).status()).isEqualTo(200);
      used.add(next);
    }
    // the history now holds the seeded password and nine more: ten in all
    for (String old : List.of(used.get(0), used.get(5), current)) {
      Api.Response r = change(old);
      assertThat(r.status()).as(old).isEqualTo(422);
      assertThat(codes(r)).containsExactly("recently-used");
    }
    assertThat(change("Password-10x").status()).isEqualTo(200);
    assertThat(change(Seed.PASSWORD).status())
        .as("eleven passwords ago: allowed again")
        .isEqualTo(200);
  }

  @Test
  void changingThePasswordEndsTheOtherSessions() {
    Api other = ADMIN.as(login.email());

    assertThat(change("Fine-Pass-123").status()).isEqualTo(200);

    assertThat(other.get("/api/v1/auth/session").status()).isEqualTo(401);
    assertThat(browser.get("/api/v1/auth/session").status()).isEqualTo(200);
  }

  @Test
  void aPasswordExpiresAfter100Days() {
    ADMIN.clock().advance(Duration.ofDays(99));
    Api day99 = ADMIN.as(login.email());
    assertThat(day99.get("/api/v1/auth/session").json().path("pendingSteps")).isEmpty();

    ADMIN.clock().advance(Duration.ofDays(1));
    Api day100 = ADMIN.api();
    Api.Response in = day100.login(login.email(), Seed.PASSWORD);
    assertThat(in.json().path("pendingSteps").toString()).isEqualTo("[\"CHANGE_PASSWORD\"]");
    Api.Response blocked = day100.get("/api/v1/departments");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.problem()).isEqualTo("password-change-required");

    Api.Response changed =
        day100.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", Seed.PASSWORD, "newPassword", "Next-Season-1"));
    assertThat(changed.json().path("pendingSteps")).isEmpty();
    day100.csrf(changed.json().path("csrfToken").asText());
    assertThat(day100.get("/api/v1/departments").status()).isEqualTo(200);
  }
}
