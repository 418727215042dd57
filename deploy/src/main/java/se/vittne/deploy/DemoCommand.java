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
import se.vittne.capture.node.CaptureNode;
import se.vittne.capture.node.CaptureNodeConfig;
import se.vittne.deploy.config.VittneConfig;
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
            Map.of(
                "vittne.data-dir", dataDir.toString(),
                "vittne.capture.node-id", "demo",
                "vittne.capture.sip.bind", "127.0.0.1",
                "vittne.capture.sip.port", Integer.toString(sipPort),
                "vittne.capture.media.bind", "127.0.0.1",
                "vittne.capture.media.first-port", "30000",
                "vittne.capture.media.last-port", "30999",
                "vittne.capture.management.port", "9091",
                "vittne.capture.disk-reserve-bytes", "104857600",
                "vittne.capture.drain-timeout", "PT5S"));
    DemoDatabase database = DemoDatabase.start(dataDir.resolve("postgres"), 10);
    DemoCompany.ensure(database.database().dsl(), DemoCompany.DEMO_TENANT, licences);
    DatabaseConfig databaseConfig = database.server().config(DemoDatabase.NAME, 10);
    CaptureNodeConfig captureConfig = ProcessSetup.capture(config);
    CaptureNode node =
        CaptureNode.start(
            captureConfig,
            database.database(),
            databaseConfig,
            ProcessSetup.audioStore(config),
            Clock.systemUTC(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    printBanner(dataDir, databaseConfig, captureConfig, node);
    CaptureCommand.awaitShutdown(node, database);
    return 0;
  }

  private static void printBanner(
      Path dataDir, DatabaseConfig database, CaptureNodeConfig capture, CaptureNode node) {
    System.out.printf(
        """
        Vittne demo is running. Stop it with Ctrl-C.

          Database       embedded PostgreSQL, data in %s
                         %s (user %s)
          Capture node   SIP 127.0.0.1:%d (UDP and TCP), RTP ports %d-%d
                         metrics and health: http://%s:%d/metrics, /health/ready
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
        dataDir.resolve("audio"),
        DemoCompany.EXCLUDED_NUMBER,
        node.sipPort());
    System.out.flush();
  }
}
