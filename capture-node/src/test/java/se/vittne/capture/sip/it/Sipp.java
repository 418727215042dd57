package se.vittne.capture.sip.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs SIPp (Debian package {@code sip-tester}) with a scenario committed under {@code
 * src/test/resources/sip/sipp}. When {@code sipp} is missing the test is skipped with a loud
 * message on a developer machine, and fails when {@code VITTNE_REQUIRE_TOOLS} is set (CI).
 */
public final class Sipp {
  private static final String TOOL = "sipp";

  private Sipp() {}

  /** Skips (developer machine) or fails (CI) the calling test when SIPp is not installed. */
  public static void assumeInstalled() {
    if (installed()) {
      return;
    }
    String message =
        "SIPp ('"
            + TOOL
            + "', Debian package sip-tester) is not installed: "
            + "the SIPp scenarios cannot run. Install it with: apt-get install sip-tester";
    if (System.getenv("VITTNE_REQUIRE_TOOLS") != null) {
      fail(message + " (VITTNE_REQUIRE_TOOLS is set, so this is an error)");
    }
    System.err.println("\n*** SKIPPED: " + message + " ***\n");
    Assumptions.abort(message);
  }

  private static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, TOOL))) {
        return true;
      }
    }
    return false;
  }

  /** The outcome of one SIPp run. */
  public record Result(int exitCode, String output, String errors, String messages) {
    /** Fails with everything SIPp said unless every call succeeded (exit code 0). */
    public Result assertSuccess() {
      if (exitCode != 0) {
        fail(
            "SIPp exited with "
                + exitCode
                + "\n--- unexpected messages ---\n"
                + errors
                + "\n--- message trace ---\n"
                + messages
                + "\n--- output ---\n"
                + tail(output));
      }
      return this;
    }

    private static String tail(String text) {
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
  }

  /** A scenario to run against a server. */
  public static Builder scenario(String name) {
    return new Builder(name);
  }

  /** Collects the options of one run. */
  public static final class Builder {
    private final String scenario;
    private String transport = "u1";
    private InetAddress local = InetAddress.getLoopbackAddress();
    private final List<String> extra = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(30);
    private int calls = 1;
    private final List<String> resources = new ArrayList<>();

    private Builder(String scenario) {
      this.scenario = scenario;
    }

    /** {@code u1} (UDP) or {@code t1} (TCP, one connection). */
    public Builder transport(String mode) {
      this.transport = mode;
      return this;
    }

    /** The local address SIPp sends from, e.g. 127.0.0.2 for an untrusted source. */
    public Builder from(InetAddress address) {
      this.local = address;
      return this;
    }

    /** A {@code -key} value, used in the scenario as {@code [name]}. */
    public Builder key(String name, String value) {
      extra.add("-key");
      extra.add(name);
      extra.add(value);
      return this;
    }

    public Builder keys(Map<String, String> values) {
      values.forEach(this::key);
      return this;
    }

    public Builder options(String... options) {
      extra.addAll(List.of(options));
      return this;
    }

    /** A file beside the scenario that SIPp reads, such as a WAV for {@code rtp_stream}. */
    public Builder resource(String name) {
      resources.add(name);
      return this;
    }

    public Builder calls(int count) {
      this.calls = count;
      return this;
    }

    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /** Runs SIPp against the server and waits for it to finish. */
    public Result run(InetAddress server, int port) {
      try {
        Path dir = Files.createTempDirectory("vittne-sipp-");
        Path file = dir.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/sip/sipp/" + scenario)) {
          if (in == null) {
            throw new IllegalArgumentException("no scenario " + scenario);
          }
          Files.copy(in, file);
        }
        for (String resource : resources) {
          try (InputStream in = Sipp.class.getResourceAsStream("/sip/sipp/" + resource)) {
            if (in == null) {
              throw new IllegalArgumentException("no resource " + resource);
            }
            Files.copy(in, dir.resolve(resource));
          }
        }
        Path errors = dir.resolve("errors.log");
        Path messages = dir.resolve("messages.log");
        Path output = dir.resolve("output.log");
        List<String> command =
            new ArrayList<>(
                List.of(
                    TOOL,
                    "-sf",
                    file.toString(),
                    "-t",
                    transport,
                    "-i",
                    local.getHostAddress(),
                    "-m",
                    Integer.toString(calls),
                    "-nostdin",
                    "-timeout",
                    timeout.toSeconds() + "s",
                    "-timeout_error",
                    "-trace_err",
                    "-error_file",
                    errors.toString(),
                    "-trace_msg",
                    "-message_file",
                    messages.toString()));
        command.addAll(extra);
        command.add(server.getHostAddress() + ":" + port);
        Process process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(timeout.toSeconds() + 15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("SIPp did not finish within " + timeout + ": " + String.join(" ", command));
        }
        return new Result(process.exitValue(), read(output), read(errors), read(messages));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while SIPp ran", e);
      }
    }
  }

  /**
   * A port free for UDP and TCP on the address: without -p SIPp takes 5060 when it is free, which
   * collides with parallel runs and with a demo node.
   */
  private static int freePort(InetAddress address) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (java.net.DatagramSocket udp =
          new java.net.DatagramSocket(new java.net.InetSocketAddress(address, 0))) {
        int port = udp.getLocalPort();
        try (java.net.ServerSocket tcp = new java.net.ServerSocket()) {
          tcp.bind(new java.net.InetSocketAddress(address, port));
          return port;
        } catch (IOException e) {
          // Taken for TCP; try another.
        }
      }
    }
    throw new IOException("no free port on " + address);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
  }
}
