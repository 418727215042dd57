package se.vittne.capture.loadgen;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import se.vittne.capture.loadgen.rtp.Lateness;

/** Prints a {@link LoadResult} for people (text) or for scripts (JSON, one object). */
public final class LoadReport {
  private LoadReport() {}

  /** A few lines of text. */
  public static String text(LoadResult result) {
    StringBuilder out = new StringBuilder(512);
    out.append(
        String.format(
            Locale.ROOT,
            "calls      attempted %d, set up %d, completed %d, failed %d%n",
            result.callsAttempted(),
            result.callsSetUp(),
            result.callsCompleted(),
            result.callsFailed()));
    if (!result.failures().isEmpty()) {
      out.append("failures   ");
      new TreeMap<>(result.failures())
          .forEach((reason, count) -> out.append(reason).append(": ").append(count).append("  "));
      out.append(System.lineSeparator());
    }
    out.append(
        String.format(Locale.ROOT, "concurrent peak %d calls%n", result.peakConcurrentCalls()));
    out.append(
        String.format(
            Locale.ROOT,
            "rtp        %d packets, %d bytes, %d dropped%n",
            result.packetsSent(),
            result.bytesSent(),
            result.packetsDropped()));
    Lateness late = result.lateness();
    out.append(
        String.format(
            Locale.ROOT,
            "lateness   %d ticks: mean %.0f µs, p50 %d µs, p99 %d µs, p99.9 %d µs, max %d µs%n",
            late.ticks(),
            late.meanMicros(),
            late.p50Micros(),
            late.p99Micros(),
            late.p999Micros(),
            late.maxMicros()));
    CpuUsage cpu = result.cpu();
    out.append(
        String.format(
            Locale.ROOT,
            "cpu        process %.3f s (%.1f %% of a core), event loop %.3f s (%.1f %%) over %.3f s%n",
            seconds(cpu.process().toNanos()),
            100 * cpu.processCores(),
            seconds(cpu.loopThread().toNanos()),
            100 * cpu.loopThreadCores(),
            seconds(cpu.wall().toNanos())));
    return out.toString();
  }

  /** One JSON object with the summary (not the per-call list). */
  public static String json(LoadResult result) {
    StringBuilder out = new StringBuilder(512);
    out.append('{');
    field(out, "callsAttempted", result.callsAttempted());
    field(out, "callsSetUp", result.callsSetUp());
    field(out, "callsCompleted", result.callsCompleted());
    field(out, "callsFailed", result.callsFailed());
    out.append("\"failures\":{");
    int n = 0;
    for (Map.Entry<String, Integer> failure : new TreeMap<>(result.failures()).entrySet()) {
      out.append(n++ == 0 ? "" : ",").append(quote(failure.getKey())).append(':');
      out.append(failure.getValue());
    }
    out.append("},");
    field(out, "peakConcurrentCalls", result.peakConcurrentCalls());
    field(out, "packetsSent", result.packetsSent());
    field(out, "bytesSent", result.bytesSent());
    field(out, "packetsDropped", result.packetsDropped());
    Lateness late = result.lateness();
    out.append("\"lateness\":{");
    field(out, "ticks", late.ticks());
    out.append(String.format(Locale.ROOT, "\"meanMicros\":%.1f,", late.meanMicros()));
    field(out, "p50Micros", late.p50Micros());
    field(out, "p99Micros", late.p99Micros());
    field(out, "p999Micros", late.p999Micros());
    out.append("\"maxMicros\":").append(late.maxMicros()).append("},");
    CpuUsage cpu = result.cpu();
    out.append("\"cpu\":{");
    out.append(String.format(Locale.ROOT, "\"wallSeconds\":%.3f,", seconds(cpu.wall().toNanos())));
    out.append(
        String.format(Locale.ROOT, "\"processSeconds\":%.3f,", seconds(cpu.process().toNanos())));
    out.append(
        String.format(
            Locale.ROOT, "\"loopThreadSeconds\":%.3f,", seconds(cpu.loopThread().toNanos())));
    out.append(String.format(Locale.ROOT, "\"processCores\":%.4f,", cpu.processCores()));
    out.append(String.format(Locale.ROOT, "\"loopThreadCores\":%.4f", cpu.loopThreadCores()));
    out.append("}}");
    return out.toString();
  }

  private static void field(StringBuilder out, String name, long value) {
    out.append(quote(name)).append(':').append(value).append(',');
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static double seconds(long nanos) {
    return nanos < 0 ? -1 : nanos / 1e9;
  }
}
