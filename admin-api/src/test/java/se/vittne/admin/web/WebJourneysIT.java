package se.vittne.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Calls;
import se.vittne.admin.testing.Mailbox;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.Direction;
import se.vittne.policy.TenantId;
import se.vittne.storage.deletion.DeletionRequestRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.testing.PostgresExtension;

/**
 * The main journeys of the user guide, walked in Debian's headless Chromium against the real server
 * (embedded PostgreSQL, GreenMail, recordings with real WAV files in the audio store). Each test
 * has its own tenant and its own fresh browser.
 */
class WebJourneysIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private static final String NEW_PASSWORD = "Battery-Staple-42!";

  private static Browser browser() {
    return Browser.open(ADMIN.base(), "en-US");
  }

  private static Login superUser(TenantId tenant) {
    return ADMIN.seed().login(tenant, LoginRole.SUPER, Permissions.ALL, Set.of());
  }

  private static NewRecording record(
      TenantId tenant, String extension, String remote, Direction d) {
    return new Calls(ADMIN.dsl(), ADMIN.audio())
        .call(tenant, extension, ADMIN.clock().instant().minusSeconds(30))
        .length(Duration.ofSeconds(30))
        .audio(Duration.ofSeconds(30))
        .remote(remote)
        .ddi("+46812345678")
        .user("Lisa Larsson")
        .direction(d)
        .archive();
  }

  @Test
  void firstLoginForcesAPasswordChangeAndTheLicenceAgreement() {
    TenantId tenant = ADMIN.seed().tenant("Första AB");
    Login pending = ADMIN.seed().pending(tenant, LoginRole.SUPER);
    try (Browser b = browser()) {
      b.login(pending.email(), Seed.PASSWORD).at("/password");
      assertThat(b.text("password-required")).contains("choose a new password");
      b.screenshot("change-password");

      b.type("current", Seed.PASSWORD).type("password", "short").type("confirm", "short");
      b.click("password-submit");
      assertThat(b.text("password-error")).contains("at least 8 characters");

      // the seeded temporary password was set at this instant of the test's clock; time moves on
      ADMIN.clock().advance(Duration.ofSeconds(1));
      b.type("current", Seed.PASSWORD).type("password", NEW_PASSWORD).type("confirm", NEW_PASSWORD);
      b.click("password-submit").at("/licence");
      assertThat(b.text("licence-text")).isNotBlank();
      b.screenshot("licence");
      b.click("licence-accept").at("/");
      assertThat(b.heading()).isEqualTo("Call overview");
    }
    Login after = new LoginRepository(ADMIN.dsl()).find(tenant, pending.id()).orElseThrow();
    assertThat(after.mustChangePassword()).isFalse();
    assertThat(after.licenceAcceptedAt()).isPresent();
    assertThat(ADMIN.mailbox().await(pending.email(), 1).getLast().subject())
        .containsIgnoringCase("password");
  }

  @Test
  void filteringTheListAndPlayingARecordingThatReallyPlaysAndSeeks() {
    TenantId tenant = ADMIN.seed().tenant("Lyssna AB");
    Login login = superUser(tenant);
    NewRecording wanted = record(tenant, "201", "+46701111111", Direction.INCOMING);
    record(tenant, "202", "+46702222222", Direction.OUTGOING);
    record(tenant, "203", "+46703333333", Direction.INTERNAL);
    try (Browser b = browser()) {
      b.login(login.email(), Seed.PASSWORD).at("/");
      b.go("/recordings");
      assertThat(b.all(By.cssSelector("#recordings tbody tr"))).hasSize(3);
      b.screenshot("recordings");

      b.find(By.cssSelector("#filter-panel > summary")).click();
      b.type("f-remote", "+467011");
      b.click("f-dir-incoming");
      b.screenshot("filter-panel");
      b.click("apply-filter").shows("result-summary", "1 recordings");
      List<WebElement> rows = b.all(By.cssSelector("#recordings tbody tr"));
      assertThat(rows).hasSize(1);
      assertThat(rows.getFirst().getAttribute("data-recording")).isEqualTo(wanted.id().toString());

      rows.getFirst().findElement(By.cssSelector("a.play")).click();
      b.at("/recordings/" + wanted.id());
      b.until(
          d -> b.number("return document.getElementById('audio').readyState") >= 1 ? true : null);
      assertThat(b.number("return document.getElementById('audio').duration"))
          .isCloseTo(30.0, within(0.5));

      b.click("play");
      b.until(
          d -> b.number("return document.getElementById('audio').currentTime") > 0.5 ? true : null);
      assertThat(b.id("play").getAttribute("aria-pressed")).isEqualTo("true");

      // a click three quarters along the waveform seeks there
      WebElement wave = b.id("waveform");
      int width = wave.getRect().getWidth();
      new Actions(b.driver()).moveToElement(wave, width / 4, 0).click().perform();
      b.until(
          d -> b.number("return document.getElementById('audio').currentTime") >= 22 ? true : null);
      double after = b.number("return document.getElementById('audio').currentTime");
      assertThat(after).isBetween(22.0, 25.0);

      b.click("back");
      b.until(d ->
          b.number("return document.getElementById('audio').currentTime") < after - 5
              ? true
              : null);
      b.click("play");
      b.screenshot("player");
      b.click("stop");
      assertThat(b.number("return document.getElementById('audio').currentTime")).isLessThan(0.5);
      assertThat(b.id("download").getAttribute("href"))
          .endsWith("/api/v1/recordings/" + wanted.id() + "/download");
    }
  }

  @Test
  void notesAndAFlagAddedInThePlayerShowInTheList() {
    TenantId tenant = ADMIN.seed().tenant("Anteckna AB");
    Login login = superUser(tenant);
    NewRecording call = record(tenant, "201", "+46701111111", Direction.INCOMING);
    try (Browser b = browser()) {
      b.login(login.email(), Seed.PASSWORD).at("/");
      // the evaluation set-up: a call result and a question to answer
      b.go("/config/evaluation");
      b.type("new-CALL_RESULT", "Sales Lead")
          .find(By.cssSelector("#add-CALL_RESULT button"))
          .click();
      b.type("new-question", "Did the agent greet the customer?");
      b.find(By.cssSelector("#add-question button")).click();
      b.shows("notice", "saved");
      b.screenshot("evaluation-setup");

      b.go("/recordings/" + call.id());
      new Select(b.id("callResult")).selectByVisibleText("Sales Lead");
      new Select(b.id("flag")).selectByValue("RED");
      b.type("tag", "Kampanj");
      b.click("notes-save").shows("notes-message", "saved");
      assertThat(new Select(b.id("flag")).getFirstSelectedOption().getText()).isEqualTo("Red flag");

      b.click("tab-evaluation");
      b.find(By.cssSelector("#evaluation-form textarea")).sendKeys("Yes, warmly.");
      b.click("evaluation-save").shows("evaluation-message", "saved");

      b.go("/recordings");
      WebElement row = b.find(By.cssSelector("#recordings tbody tr"));
      assertThat(row.findElement(By.cssSelector("td.tag")).getText()).isEqualTo("Kampanj");
      assertThat(row.findElement(By.cssSelector("td.flag-cell")).getText()).isEqualTo("Red");
      assertThat(row.getText()).contains("✓");

      b.go("/recordings?flag=red&tag=kamp");
      assertThat(b.all(By.cssSelector("#recordings tbody tr"))).hasSize(1);
      b.go("/recordings?flag=blue");
      assertThat(b.text("result-summary")).contains("No recordings found");
    }
  }

  @Test
  void editingAndApplyingThePolicyWithATestCallThatExplainsTheDecision() throws Exception {
    TenantId tenant = ADMIN.seed().tenant("Policy AB");
    Login login = superUser(tenant);
    Path bad = Files.createTempFile("users", ".csv");
    Path good = Files.createTempFile("users", ".csv");
    Files.writeString(
        bad,
        "extension;name;email;department;recording_enabled;role\n"
            + "201;Pelle Persson;;Försäljning;yes;none\n"
            + ";Lisa Larsson;;Ekonomi;maybe;none\n");
    Files.writeString(
        good,
        "extension;name;email;department;recording_enabled;role\n"
            + "201;Pelle Persson;;Försäljning;yes;none\n"
            + "202;Lisa Larsson;;Ekonomi;yes;none\n");
    try (Browser b = browser()) {
      b.login(login.email(), Seed.PASSWORD).at("/");
      // the directory comes from the PBX's CSV: a wrong row imports nothing and says which
      b.go("/config/import");
      b.id("file").sendKeys(bad.toString());
      b.click("import-submit");
      assertThat(b.text("import-errors")).contains("Nothing was imported").contains("Line 3");
      b.screenshot("directory-import");
      b.id("file").sendKeys(good.toString());
      b.click("import-submit").shows("import-result", "2 rows imported");

      b.go("/config/policy");
      WebElement incoming = b.id("incoming-enabled");
      if (!incoming.isSelected()) {
        incoming.click();
      }
      b.find(By.cssSelector("#departments-form label:has(input[name='incoming.departments'])"));
      WebElement sales =
          b.find(
              By.xpath(
                  "//input[@name='incoming.departments']/parent::label[contains(., 'Försäljning')]/input"));
      sales.click();
      b.click("departments-save").shows("notice", "saved in the draft");
      assertThat(b.text("draft-state")).contains("not yet applied");

      b.type("exclude-number", "070-123 45 67").click("exclude-add");
      b.shows("excluded-list", "+46701234567");

      // the test call: an incoming call to 201 in Försäljning is recorded by the department policy
      new Select(b.id("t-direction")).selectByValue("INCOMING");
      b.type("t-extension", "201").type("t-remote", "+46709999999");
      b.click("test-submit").shows("test-verdict", "Recorded");
      assertThat(b.text("test-rule")).isEqualTo("department policy");
      assertThat(b.text("test-explanation")).isNotBlank();
      b.screenshot("policy-test-call");
      // ...but not from an excluded number, and the explanation says why
      b.type("t-remote", "+46701234567").click("test-submit").shows("test-verdict", "Not recorded");
      assertThat(b.text("test-rule")).isEqualTo("excluded number");

      b.click("policy-apply").shows("notice", "Policy saved");
      assertThat(b.text("draft-state")).contains("Version 1 is in force");
      b.screenshot("policy");
      // against the applied policy now
      new Select(b.id("t-against")).selectByValue("APPLIED");
      new Select(b.id("t-direction")).selectByValue("INCOMING");
      b.type("t-extension", "201").type("t-remote", "+46709999999").click("test-submit");
      b.shows("test-verdict", "Recorded").shows("test-decision", "version 1");
    } finally {
      Files.deleteIfExists(bad);
      Files.deleteIfExists(good);
    }
  }

  @Test
  void sharingByEmailAndOpeningTheLinkInAFreshBrowser() {
    TenantId tenant = ADMIN.seed().tenant("Dela AB");
    Login login = superUser(tenant);
    NewRecording call = record(tenant, "201", "+46701111111", Direction.INCOMING);
    String to = Seed.email("kalle");
    try (Browser b = browser()) {
      b.login(login.email(), Seed.PASSWORD).at("/");
      b.go("/recordings/" + call.id());
      b.click("tab-email");
      b.type("share-to", to).type("share-subject", "Pelles inspelning");
      b.screenshot("share");
      b.click("share-send").shows("share-message", "sent");
      assertThat(b.text("shares")).contains(to);
    }
    Mailbox.Mail mail = ADMIN.mailbox().await(to, 1).getFirst();
    assertThat(mail.subject()).contains("Pelles inspelning");
    Matcher link = Pattern.compile("(/shared/[A-Za-z0-9_\\-]+)").matcher(mail.body());
    assertThat(link.find()).as("a link in %s", mail.body()).isTrue();

    try (Browser fresh = browser()) {
      fresh.go(link.group(1));
      assertThat(fresh.driver().manage().getCookies()).isEmpty();
      WebElement audio = fresh.find(By.tagName("audio"));
      fresh.script("arguments[0].play()", audio);
      fresh.until(d -> fresh.number("return arguments[0].currentTime", audio) > 0.5 ? true : null);
      fresh.screenshot("shared-link");
      // it plays that recording only: the rest of the web app still wants a login
      fresh.go("/recordings/" + call.id()).at("/login");
    }
  }

  @Test
  void deletingRecordingsNeedsTheConfirmation() {
    TenantId tenant = ADMIN.seed().tenant("Radera AB");
    Login login = superUser(tenant);
    NewRecording doomed = record(tenant, "201", "+46701111111", Direction.INCOMING);
    NewRecording kept = record(tenant, "202", "+46702222222", Direction.INCOMING);
    try (Browser b = browser()) {
      b.login(login.email(), Seed.PASSWORD).at("/");
      b.go("/config/delete");
      assertThat(b.all(By.cssSelector("#recordings tbody tr"))).hasSize(2);
      b.find(By.cssSelector("tr[data-recording='" + doomed.id() + "'] input[name=id]")).click();
      b.click("delete-selected");
      assertThat(b.text("confirm-error")).contains("Tick the box");
      assertThat(new DeletionRequestRepository(ADMIN.dsl()).list(tenant, 10)).isEmpty();

      b.find(By.cssSelector("tr[data-recording='" + doomed.id() + "'] input[name=id]")).click();
      b.click("confirm");
      b.screenshot("delete");
      b.click("delete-selected").shows("delete-done", "1 recordings will be deleted");
    }
    var requests = new DeletionRequestRepository(ADMIN.dsl()).list(tenant, 10);
    assertThat(requests).hasSize(1);
    assertThat(requests.getFirst().recordings()).containsExactly(doomed.id());
    assertThat(kept.id()).isNotEqualTo(doomed.id());
  }

  @Test
  void switchingTheLanguage() {
    TenantId tenant = ADMIN.seed().tenant("Språk AB");
    Login login = superUser(tenant);
    try (Browser b = browser()) {
      b.go("/login");
      assertThat(b.heading()).isEqualTo("Log in with password");
      b.click("lang-sv").headed("Logga in med lösenord");
      b.screenshot("login");
      b.type("email", login.email()).type("password", Seed.PASSWORD).click("login-button");
      // once logged in, the login's own language counts (English here), not the page's
      b.headed("Call overview");

      b.find(By.cssSelector("#user-menu > summary")).click();
      b.click("lang-sv").headed("Samtalsöversikt");
      b.screenshot("home");
      b.go("/recordings").headed("Samtalsinspelningar");
      b.find(By.cssSelector("#user-menu > summary")).click();
      b.click("lang-en").headed("Recordings");
      b.find(By.cssSelector("#user-menu > summary")).click();
      b.click("lang-sv").headed("Samtalsinspelningar");
      assertThat(b.find(By.linkText("Hem")).isDisplayed()).isTrue();
    }
    Login after = new LoginRepository(ADMIN.dsl()).find(tenant, login.id()).orElseThrow();
    assertThat(after.language()).isEqualTo("sv");
  }
}
