package se.vittne.deploy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.vittne.admin.AdminApplication;
import se.vittne.admin.mail.Mailer;
import se.vittne.deploy.config.VittneConfig;
import se.vittne.storage.db.Database;

/** {@code vittne admin}: runs the web app and the JSON admin API until SIGTERM. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description =
        "Runs the admin web app and the JSON API (/api/v1, OpenAPI at /api/v1/openapi.json).")
final class AdminCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    ServerLogging.enable();
    VittneConfig config = options.load();
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Database database = Database.connect(ProcessSetup.database(config));
    Mailer mailer = ProcessSetup.mailer(config, clock, registry);
    AdminApplication admin =
        AdminApplication.start(
            ProcessSetup.admin(config, config.admin().port()),
            database,
            ProcessSetup.audioStore(config),
            clock,
            mailer,
            registry);
    CaptureCommand.awaitShutdown(admin, mailer, database);
    return 0;
  }
}
