package se.vittne.admin.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.vittne.admin.AdminApplication;
import se.vittne.admin.AdminConfig;
import se.vittne.admin.mail.MailConfig;
import se.vittne.admin.mail.SmtpMailer;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.testing.MutableClock;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Starts the real admin application for a test class: on a random port of 127.0.0.1, on the class's
 * own embedded PostgreSQL database, sending mail over SMTP to GreenMail, with a clock the test
 * moves. Register it after the database and mail extensions:
 *
 * <pre>{@code
 * @RegisterExtension @Order(1) static final PostgresExtension POSTGRES = new PostgresExtension();
 * @RegisterExtension @Order(2) static final GreenMailExtension MAIL = AdminExtension.greenMail();
 * @RegisterExtension @Order(3) static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);
 * }</pre>
 */
public final class AdminExtension implements BeforeAllCallback, AfterAllCallback {
  /** Where the links in e-mails point in tests. */
  public static final URI PUBLIC_URL = URI.create("http://vittne.test:8080");

  private final PostgresExtension postgres;
  private final GreenMailExtension mail;
  private final UnaryOperator<AdminConfig.Builder> customise;
  private final AudioStores audioStores;
  private AudioStore audio;
  private MutableClock clock;
  private SmtpMailer mailer;
  private AdminApplication app;
  private URI base;

  public AdminExtension(PostgresExtension postgres, GreenMailExtension mail) {
    this(postgres, mail, b -> b);
  }

  public AdminExtension(
      PostgresExtension postgres,
      GreenMailExtension mail,
      UnaryOperator<AdminConfig.Builder> customise) {
    this(postgres, mail, customise, AudioStores.fileSystem());
  }

  /** With the audio store the test gives (the filesystem store in a temporary directory else). */
  public AdminExtension(
      PostgresExtension postgres,
      GreenMailExtension mail,
      UnaryOperator<AdminConfig.Builder> customise,
      AudioStores audioStores) {
    this.postgres = postgres;
    this.mail = mail;
    this.customise = customise;
    this.audioStores = audioStores;
  }

  /** An SMTP server on a free port that keeps its mail for the whole test class. */
  public static GreenMailExtension greenMail() {
    return new GreenMailExtension(com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    mailer =
        new SmtpMailer(
            MailConfig.plain(
                "127.0.0.1", mail.getSmtp().getPort(), "Vittne <no-reply@vittne.test>"),
            clock,
            metrics);
    AdminConfig config =
        customise
            .apply(
                AdminConfig.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .publicUrl(PUBLIC_URL)
                    .minimumLoginResponse(Duration.ofMillis(20))
                    // the jobs are started by the tests that need them, with short intervals
                    .storageJobs(null))
            .build();
    audio = audioStores.open();
    app =
        AdminApplication.start(
            config, postgres.database().database(), audio, clock, mailer, metrics);
    base = URI.create("http://127.0.0.1:" + app.port());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (app != null) {
      app.close();
    }
    if (mailer != null) {
      mailer.close();
    }
    audioStores.close();
  }

  /** A new client: one browser, logged out. */
  public Api api() {
    return new Api(base);
  }

  /** A new browser logged in as {@code email} with the seeded password. */
  public Api as(String email) {
    Api api = api();
    Api.Response r = api.login(email, Seed.PASSWORD);
    if (r.status() != 200) {
      throw new AssertionError("could not log in " + email + ": " + r);
    }
    return api;
  }

  public Seed seed() {
    return new Seed(postgres.dsl(), clock);
  }

  /** The audio store the server plays from. */
  public AudioStore audio() {
    return audio;
  }

  public MutableClock clock() {
    return clock;
  }

  public Mailbox mailbox() {
    return new Mailbox(mail);
  }

  public AdminApplication app() {
    return app;
  }

  public DSLContext dsl() {
    return postgres.dsl();
  }

  public URI base() {
    return base;
  }
}
