package se.vittne.capture.node;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import se.vittne.capture.media.RtpMediaEngineConfig;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;

/** Starts a capture node on loopback with its own directories and ports, as tests need it. */
final class NodeHarness {
  private NodeHarness() {}

  static CaptureNodeConfig config(Path data, int sipPort) {
    return config(data, sipPort, Duration.ofSeconds(60));
  }

  static CaptureNodeConfig config(Path data, int sipPort, Duration mediaTimeout) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    // A random slice of the port range per node, so that parallel test JVMs rarely meet; the
    // allocator skips ports that are taken anyway.
    int first = 20_000 + 2 * ThreadLocalRandom.current().nextInt(0, 10_000);
    RtpMediaEngineConfig media =
        RtpMediaEngineConfig.defaults(loopback, first, first + 399, data.resolve("spool"));
    return new CaptureNodeConfig(
        "test-node-" + ThreadLocalRandom.current().nextInt(1_000_000),
        data,
        SipServerConfig.of(loopback, sipPort),
        media,
        new InetSocketAddress(loopback, 0),
        0,
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        mediaTimeout);
  }

  static CaptureNode start(
      CaptureNodeConfig config, Database database, DatabaseConfig databaseConfig, AudioStore store)
      throws IOException {
    return CaptureNode.start(
        config,
        database,
        databaseConfig,
        store,
        Clock.systemUTC(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }
}
