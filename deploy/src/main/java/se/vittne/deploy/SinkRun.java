package se.vittne.deploy;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import se.vittne.capture.loadgen.BareRtpSink;
import se.vittne.capture.loadgen.PortRange;

/**
 * {@code vittne loadgen --sink}: counts RTP on a port range for a while (or until SIGTERM/SIGINT)
 * and prints what arrived and the CPU it cost.
 */
final class SinkRun implements Callable<Integer> {
  private final CommandSpec spec;
  private final InetAddress address;
  private final PortRange ports;
  private final int batch;
  private final Duration duration;
  private final boolean json;

  SinkRun(
      CommandSpec spec,
      InetAddress address,
      PortRange ports,
      int batch,
      Duration duration,
      boolean json) {
    this.spec = spec;
    this.address = address;
    this.ports = ports;
    this.batch = batch;
    this.duration = duration;
    this.json = json;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch reported = new CountDownLatch(1);
    try (BareRtpSink sink = BareRtpSink.bind(address, ports, batch)) {
      Thread hook =
          new Thread(() -> {
            stopped.countDown();
            awaitQuietly(reported);
          });
      Runtime.getRuntime().addShutdownHook(hook);
      System.err.printf(
          Locale.ROOT,
          "sink: counting on %d ports %d-%d%n",
          ports.size(),
          ports.first(),
          ports.last());
      if (duration != null) {
        stopped.await(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } else {
        stopped.await();
      }
      out.println(format(sink.counts()));
      out.flush();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running and waits for the report, which is out
      }
    }
    return 0;
  }

  private String format(BareRtpSink.Counts counts) {
    var cpu = counts.cpu();
    if (json) {
      return String.format(
          Locale.ROOT,
          "{\"packets\":%d,\"bytes\":%d,\"ports\":%d,\"cpu\":{\"wallSeconds\":%.3f,"
              + "\"processSeconds\":%.3f,\"loopThreadSeconds\":%.3f,\"processCores\":%.4f,"
              + "\"loopThreadCores\":%.4f}}",
          counts.packets(),
          counts.bytes(),
          counts.ports(),
          cpu.wall().toNanos() / 1e9,
          cpu.process().toNanos() / 1e9,
          cpu.loopThread().toNanos() / 1e9,
          cpu.processCores(),
          cpu.loopThreadCores());
    }
    return String.format(
        Locale.ROOT,
        "sink       %d packets, %d bytes on %d ports%ncpu        process %.3f s (%.1f %% of a core),"
            + " event loop %.3f s (%.1f %%) over %.3f s",
        counts.packets(),
        counts.bytes(),
        counts.ports(),
        cpu.process().toNanos() / 1e9,
        100 * cpu.processCores(),
        cpu.loopThread().toNanos() / 1e9,
        100 * cpu.loopThreadCores(),
        cpu.wall().toNanos() / 1e9);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
