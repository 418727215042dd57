package se.vittne.capture.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** SIPp run as a UAS from a scenario of {@code src/test/resources/loadgen}, in a temp directory. */
final class SippProcess implements AutoCloseable {
  private final Process process;
  private final Path directory;
  private final int port;

  private SippProcess(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /**
   * Starts {@code sipp -sf scenario} on a free port of 127.0.0.1 for {@code calls} calls.
   *
   * @param transport {@code u1} (UDP) or {@code t1} (TCP, one connection)
   * @param keys pairs of {@code -key} names and values
   */
  static SippProcess uas(String sipp, String scenario, String transport, int calls, String... keys)
      throws IOException {
    Path directory = Files.createTempDirectory("sipp-");
    Path scenarioFile = directory.resolve(scenario);
    try (InputStream in = SippProcess.class.getResourceAsStream("/loadgen/" + scenario)) {
      Files.copy(in, scenarioFile);
    }
    int port = transport.startsWith("t") ? freeTcpPort() : freeUdpPort();
    List<String> command =
        new ArrayList<>(
            List.of(
                sipp,
                "-sf",
                scenarioFile.toString(),
                "-t",
                transport,
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-m",
                Integer.toString(calls),
                "-nostdin",
                "-timeout",
                "60s",
                "-timeout_error",
                "-trace_err"));
    for (int i = 0; i + 1 < keys.length; i += 2) {
      command.addAll(List.of("-key", keys[i], keys[i + 1]));
    }
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("sipp.out").toFile())
            .start();
    return new SippProcess(process, directory, port);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Waits for SIPp to finish its calls; its exit code is 0 when every call succeeded. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** What SIPp printed and its error log, for assertion messages. */
  String log() throws IOException {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(directory)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".out"))
              .toList()) {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        out.append("== ").append(file.getFileName()).append('\n');
        out.append(text, Math.max(0, text.length() - 4000), text.length());
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
