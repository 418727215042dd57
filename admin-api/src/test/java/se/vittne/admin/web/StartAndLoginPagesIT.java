package se.vittne.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Calls;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.Direction;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.directory.UserRole;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.testing.PostgresExtension;

/**
 * The start pages of R-25 (My Console's own calls, the supervisors' overview and chart), logins
 * with restricted users and their departments, the way back after logging in, and the pages'
 * answers to problems, in Debian's headless Chromium against the real server.
 */
class StartAndLoginPagesIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private static Browser browser() {
    return Browser.open(ADMIN.base(), "en-US");
  }

  private static DirectoryUser user(TenantId tenant, String extension, Optional<Department> d) {
    return new UserRepository(ADMIN.dsl())
        .create(
            tenant,
            new UserData(
                "User " + extension,
                extension,
                Optional.empty(),
                Optional.empty(),
                d.map(Department::id),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                UserRole.NONE,
                Set.of()));
  }

  private static void call(TenantId tenant, String extension, Direction direction, Department d) {
    new Calls(ADMIN.dsl(), ADMIN.audio())
        .call(tenant, extension, ADMIN.clock().instant().minusSeconds(60))
        .length(Duration.ofSeconds(10))
        .direction(direction)
        .department(d.id())
        .archive();
  }

  @Test
  void myConsoleSeesItsOwnCallsMadeAndReceivedAndSupervisorsTheOverview() {
    TenantId tenant = ADMIN.seed().tenant("Start AB");
    Department sales = ADMIN.seed().department(tenant, "Försäljning");
    DirectoryUser own = user(tenant, "201", Optional.of(sales));
    call(tenant, "201", Direction.OUTGOING, sales);
    call(tenant, "201", Direction.OUTGOING, sales);
    call(tenant, "201", Direction.INCOMING, sales);
    call(tenant, "202", Direction.INCOMING, sales);
    Login console =
        ADMIN
            .seed()
            .login(tenant, LoginRole.MY_CONSOLE, Permissions.ALL, Set.of(), Optional.of(own.id()));
    Login boss = ADMIN.seed().login(tenant, LoginRole.SUPER);
    try (Browser b = browser()) {
      b.login(console.email(), Seed.PASSWORD).headed("My console");
      assertThat(b.text("count-made")).isEqualTo("2");
      assertThat(b.text("count-received")).isEqualTo("1");
      List<WebElement> rows = b.all(By.cssSelector("#recordings tbody tr"));
      assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.getText()).contains("201"));
      assertThat(b.all(By.linkText("Configuration"))).isEmpty();
      b.screenshot("home-my-console");
      // My Console has no configuration: the page says so, in its words
      b.go("/config/policy");
      assertThat(b.heading()).isEqualTo("Not allowed");
    }
    try (Browser b = browser()) {
      b.login(boss.email(), Seed.PASSWORD).headed("Call overview");
      assertThat(b.text("total-all")).isEqualTo("4");
      assertThat(b.all(By.cssSelector("#chart rect.bar"))).hasSizeGreaterThanOrEqualTo(3);
      assertThat(b.find(By.cssSelector("#chart rect.bar.outgoing[height]")).getAttribute("height"))
          .isNotNull();
      new Select(b.id("period")).selectByValue("today");
      b.find(By.cssSelector("#period-form button")).click();
      b.until(d -> d.getCurrentUrl().contains("period=today") ? true : null);
      assertThat(b.text("total-all")).isEqualTo("4");
      b.screenshot("home-overview");
    }
  }

  @Test
  void aSuperUserMakesALoginARestrictedUserOfOneDepartment() {
    TenantId tenant = ADMIN.seed().tenant("Handledare AB");
    Department sales = ADMIN.seed().department(tenant, "Försäljning");
    ADMIN.seed().department(tenant, "Ekonomi");
    Login boss = ADMIN.seed().login(tenant, LoginRole.SUPER);
    String coach = Seed.email("coach");
    try (Browser b = browser()) {
      b.login(boss.email(), Seed.PASSWORD).headed("Call overview");
      b.go("/config/logins");
      b.find(By.cssSelector("#new-login-panel > summary")).click();
      b.type("new-email", coach);
      new Select(b.id("new-role")).selectByValue("MY_CONSOLE");
      b.click("create-login").shows("notice", "two e-mails");
      assertThat(b.text("logins")).contains(coach).contains("My Console user");

      WebElement row =
          b.find(By.xpath("//table[@id='logins']//tr[td[1][normalize-space()='" + coach + "']]"));
      row.findElement(By.cssSelector("a")).click();
      b.headed("Edit login");
      new Select(b.id("l-role")).selectByValue("RESTRICTED");
      b.find(By.xpath("//label[contains(., 'Försäljning')]/input")).click();
      b.click("l-download");
      b.screenshot("login-restricted");
      b.click("login-save").shows("notice", "The login is saved");
      assertThat(b.text("logins")).contains("Restricted user");
    }
    assertThat(ADMIN.mailbox().await(coach, 2)).hasSize(2);
    Login saved =
        new LoginRepository(ADMIN.dsl())
            .list(tenant).stream().filter(l -> l.email().equals(coach)).findFirst().orElseThrow();
    assertThat(saved.role()).isEqualTo(LoginRole.RESTRICTED);
    assertThat(saved.departments()).containsExactly(sales.id());
    assertThat(saved.permissions().mayDownload()).isTrue();
  }

  @Test
  void aBrowserNotLoggedInIsSentToTheLoginPageAndBackAfterwards() {
    TenantId tenant = ADMIN.seed().tenant("Tillbaka AB");
    Login boss = ADMIN.seed().login(tenant, LoginRole.SUPER);
    try (Browser b = browser()) {
      b.go("/config/policy?x=1").at("/login");
      b.type("email", boss.email()).type("password", "Wrong-Password-1");
      b.click("login-button");
      assertThat(b.text("form-error")).isEqualTo("Wrong e-mail address or password.");
      b.type("email", boss.email()).type("password", Seed.PASSWORD).click("login-button");
      b.at("/config/policy").headed("Policy rules");
      b.go("/recordings/00000000-0000-0000-0000-000000000000").headed("Not found");
      b.go("/recordings?limit=banana&period=someday");
      assertThat(b.text("filter-errors")).contains("Limit").contains("Period");
    }
  }
}
