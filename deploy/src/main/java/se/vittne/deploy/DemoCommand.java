package se.vittne.deploy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.vittne.admin.AdminApplication;
import se.vittne.admin.mail.Mailer;
import se.vittne.capture.node.CaptureNode;
import se.vittne.capture.node.CaptureNodeConfig;
import se.vittne.deploy.config.VittneConfig;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.db.DatabaseConfig;
import se.vittne.storage.db.DemoDatabase;
import se.vittne.storage.demo.DemoCompany;

/**
 * {@code vittne demo}: the whole system on one machine with embedded defaults — an embedded
 * PostgreSQL under the data directory, a capture node on 127.0.0.1:5060 (UDP and TCP), and the demo
 * company whose PBX trunk is this machine.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs Vittne on this machine with embedded defaults: PostgreSQL, a capture node and a demo"
            + " company. Data stays in --data between runs.")
final class DemoCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data/demo",
      description =
          "Where the demo keeps its database, spool and audio (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "The web app's port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--sip-port",
      defaultValue = "5060",
      description = "The SIP port for UDP and TCP (default: ${DEFAULT-VALUE}).")
  int sipPort;

  @Option(
      names = "--licences",
      defaultValue = "20",
      description =
          "Concurrent recordings the demo company is licensed for when it is created"
              + " (default: ${DEFAULT-VALUE}).")
  int licences;

  @Override
  public Integer call() throws Exception {
    ServerLogging.enable();
    Path dataDir = data.toAbsolutePath();
    VittneConfig config =
        options.load(
            Map.ofEntries(
                Map.entry("vittne.data-dir", dataDir.toString()),
                Map.entry("vittne.capture.node-id", "demo"),
                Map.entry("vittne.capture.sip.bind", "127.0.0.1"),
                Map.entry("vittne.capture.sip.port", Integer.toString(sipPort)),
                Map.entry("vittne.capture.media.bind", "127.0.0.1"),
                Map.entry("vittne.capture.media.first-port", "30000"),
                Map.entry("vittne.capture.media.last-port", "30999"),
                Map.entry("vittne.capture.management.port", "9091"),
                Map.entry("vittne.capture.disk-reserve-bytes", "104857600"),
                Map.entry("vittne.capture.drain-timeout", "PT5S"),
                Map.entry("vittne.admin.bind", "127.0.0.1"),
                Map.entry("vittne.admin.public-url", "http://127.0.0.1:" + httpPort),
                Map.entry("vittne.admin.mail.kind", "pickup"),
                Map.entry("vittne.admin.mail.from", "vittne@demo.vittne.se")));
    DemoDatabase database = DemoDatabase.start(dataDir.resolve("postgres"), 10);
    DemoCompany.ensure(database.database().dsl(), DemoCompany.DEMO_TENANT, licences);
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry adminMetrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DemoLogins.ensure(database.database().dsl(), DemoCompany.DEMO_TENANT, adminMetrics);
    DatabaseConfig databaseConfig = database.server().config(DemoDatabase.NAME, 10);
    CaptureNodeConfig captureConfig = ProcessSetup.capture(config);
    AudioStore store = ProcessSetup.audioStore(config);
    CaptureNode node =
        CaptureNode.start(
            captureConfig,
            database.database(),
            databaseConfig,
            store,
            clock,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Mailer mailer = ProcessSetup.mailer(config, clock, adminMetrics);
    AdminApplication admin =
        AdminApplication.start(
            ProcessSetup.admin(config, httpPort),
            database.database(),
            store,
            clock,
            mailer,
            adminMetrics);
    printBanner(dataDir, databaseConfig, captureConfig, node, admin);
    CaptureCommand.awaitShutdown(node, admin, mailer, database);
    return 0;
  }

  private static void printBanner(
      Path dataDir,
      DatabaseConfig database,
      CaptureNodeConfig capture,
      CaptureNode node,
      AdminApplication admin) {
    System.out.printf(
        """
        Vittne demo is running. Stop it with Ctrl-C.

          Database       embedded PostgreSQL, data in %s
                         %s (user %s)
          Capture node   SIP 127.0.0.1:%d (UDP and TCP), RTP ports %d-%d
                         metrics and health: http://%s:%d/metrics, /health/ready
          Web app        http://127.0.0.1:%d  (API: /api/v1, OpenAPI: /api/v1/openapi.json)
                         log in as %s (super user) or %s (My Console),
                         password %s; e-mails are written to %s
          Audio          %s
          Demo company   Demo AB, its PBX trunk is this machine (127.0.0.1)
                         201 Pelle, 202 Anna (Försäljning, recorded in and out)
                         203 Kalle (Försäljning, recording not enabled)
                         301 Sara (Kundservice; recorded through the group Kundtjänst)
                         excluded number %s

          Place two recorded calls:
            ./vittne loadgen --target 127.0.0.1:%d --calls 2 --hold 10s --to-pattern 201
        %n\
        """,
        dataDir.resolve("postgres"),
        database.jdbcUrl(),
        database.user(),
        node.sipPort(),
        capture.media().firstPort(),
        capture.media().lastPort(),
        node.managementAddress().getHostString(),
        node.managementAddress().getPort(),
        admin.port(),
        DemoLogins.SUPER_USER,
        DemoLogins.MY_CONSOLE_USER,
        DemoLogins.PASSWORD,
        dataDir.resolve("mail"),
        dataDir.resolve("audio"),
        DemoCompany.EXCLUDED_NUMBER,
        node.sipPort());
    System.out.flush();
  }
}
