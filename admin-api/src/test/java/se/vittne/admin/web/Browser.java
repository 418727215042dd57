package se.vittne.admin.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: Selenium is pointed at both so
 * that it downloads nothing. Each instance is a fresh browser with its own empty profile (no
 * cookies, no session). Without Chromium the test is skipped loudly, or fails when {@code
 * VITTNE_REQUIRE_TOOLS} is set (CI installs it).
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final URI base;
  private final Path profile;
  private final ChromeDriver driver;

  private Browser(URI base, String language) {
    this.base = base;
    try {
      this.profile = Files.createTempDirectory("vittne-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-first-run",
        "--no-default-browser-check",
        "--autoplay-policy=no-user-gesture-required",
        "--user-data-dir=" + profile,
        "--lang=" + language,
        "--window-size=1280,1000");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  /** A new browser whose Accept-Language is {@code language} ("en-US", "sv-SE"). */
  static Browser open(URI base, String language) {
    require();
    return new Browser(base, language);
  }

  /** Skips (loudly) or fails when Chromium or chromedriver is missing. */
  static void require() {
    for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!new File(program).canExecute()) {
        String message =
            program
                + " is not installed (Debian packages chromium and chromium-driver): the browser"
                + " tests need it. Install them with apt-get install chromium chromium-driver.";
        if (System.getenv("VITTNE_REQUIRE_TOOLS") != null) {
          Assertions.fail(message + " VITTNE_REQUIRE_TOOLS is set, so a missing tool fails.");
        }
        System.err.println("*** SKIPPED *** " + message);
        Assumptions.abort(message);
      }
    }
  }

  WebDriver driver() {
    return driver;
  }

  Browser go(String path) {
    driver.get(base.resolve(path).toString());
    return this;
  }

  /** Opens an absolute address (a link from an e-mail). */
  Browser visit(String url) {
    driver.get(url);
    return this;
  }

  WebElement find(By by) {
    return until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() ? null : found.getFirst();
    });
  }

  WebElement id(String id) {
    return find(By.id(id));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  Browser type(String id, String text) {
    WebElement field = id(id);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  Browser click(String id) {
    id(id).click();
    return this;
  }

  String text(String id) {
    return until(d -> id(id).getText());
  }

  String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  String heading() {
    return find(By.tagName("h1")).getText();
  }

  /** Waits until the page's path is {@code path}. */
  Browser at(String path) {
    until(d -> path.equals(path()) ? Boolean.TRUE : null);
    return this;
  }

  /** Waits until the element with {@code id} holds {@code text}. */
  Browser shows(String id, String text) {
    until(d -> {
      List<WebElement> found = d.findElements(By.id(id));
      return !found.isEmpty() && found.getFirst().getText().contains(text) ? Boolean.TRUE : null;
    });
    return this;
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  double number(String script, Object... args) {
    return ((Number) script(script, args)).doubleValue();
  }

  <T> T until(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      // what the browser showed when the wait gave up, beside the test's report
      screenshot("failed-" + System.currentTimeMillis());
      throw new AssertionError(
          "waited in vain at "
              + driver.getCurrentUrl()
              + "; the page:\n"
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /** Waits until the page's main heading is {@code text}. */
  Browser headed(String text) {
    until(d -> {
      List<WebElement> h = d.findElements(By.tagName("h1"));
      return !h.isEmpty() && h.getFirst().getText().equals(text) ? Boolean.TRUE : null;
    });
    return this;
  }

  /** Logs in through the login page. */
  Browser login(String email, String password) {
    go("/login");
    type("email", email);
    type("password", password);
    click("login-button");
    return this;
  }

  /**
   * Saves a screenshot of the page as {@code target/screenshots/<name>.png}; the README's pictures
   * in docs/screenshots are copies of these (docs/webapp.md says how to refresh them).
   */
  void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
