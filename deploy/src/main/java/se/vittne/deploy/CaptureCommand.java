package se.vittne.deploy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import se.vittne.capture.node.CaptureNode;
import se.vittne.deploy.config.VittneConfig;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;

/**
 * {@code vittne capture}: runs a capture node until SIGTERM, then drains: new calls are refused
 * (503) while running calls finish, up to the drain timeout.
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = "Runs a capture node: the SIPREC recording server and its media.")
final class CaptureCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    ServerLogging.enable();
    VittneConfig config = options.load();
    DatabaseConfig databaseConfig = ProcessSetup.database(config);
    Database database = Database.connect(databaseConfig);
    CaptureNode node =
        CaptureNode.start(
            ProcessSetup.capture(config),
            database,
            databaseConfig,
            ProcessSetup.audioStore(config),
            Clock.systemUTC(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    awaitShutdown(node, database);
    return 0;
  }

  /**
   * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C); the shutdown hook closes what was
   * started, in the order given.
   */
  static void awaitShutdown(AutoCloseable... running) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              for (AutoCloseable closeable : running) {
                try {
                  closeable.close();
                } catch (Exception e) {
                  System.err.println("while stopping: " + e);
                }
              }
              stopped.countDown();
            },
            "vittne-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }
}
