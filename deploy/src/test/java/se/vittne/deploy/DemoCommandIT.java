package se.vittne.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: {@code vittne demo}, run from the packaged {@code vittne.jar}, starts
 * everything on embedded defaults, records a SIPREC call SIPp places against it, and lets the demo
 * super user log in to the web app.
 */
class DemoCommandIT {
  private static final Pattern SIP = Pattern.compile("SIP 127\\.0\\.0\\.1:(\\d+) ");
  private static final Pattern WEB = Pattern.compile("Web app\\s+http://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern JDBC = Pattern.compile("(jdbc:postgresql://\\S+)");

  /**
   * The packaged launcher as the README runs it: its manifest, not Maven's, makes the classpath.
   */
  private static final Path LAUNCHER = Path.of("target", "vittne.jar");

  private static final Path SCENARIOS = Path.of("../capture-node/src/test/resources/sip/sipp");

  @TempDir Path data;

  @Test
  void theDemoRecordsASippCallAndItsSuperUserCanLogIn() throws Exception {
    String sipp = RequiredTools.require("sipp", "sip-tester");
    Process demo =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-jar",
                    LAUNCHER.toString(),
                    "demo",
                    "--data",
                    data.toString(),
                    "--sip-port",
                    "0",
                    "--http-port",
                    "0",
                    "--set",
                    "vittne.capture.management.port=0",
                    "--set",
                    "vittne.capture.media.first-port="
                        + (40_000 + 2 * (ProcessHandle.current().pid() % 1000)),
                    "--set",
                    "vittne.capture.media.last-port="
                        + (40_099 + 2 * (ProcessHandle.current().pid() % 1000))))
            .redirectError(data.resolve("demo.log").toFile())
            .start();
    try {
      String banner;
      try {
        banner = awaitBanner(demo);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage() + "\n" + Files.readString(data.resolve("demo.log")), e);
      }
      int sipPort = port(SIP, banner);
      int webPort = port(WEB, banner);
      String jdbc = find(JDBC, banner);

      Process call =
          new ProcessBuilder(
                  sipp,
                  "-sf",
                  "siprec-recorded-call.xml",
                  "-m",
                  "1",
                  "-p",
                  Integer.toString(freePort()),
                  "-mp",
                  Integer.toString(freePort() & ~1),
                  "-nostdin",
                  "-timeout",
                  "40s",
                  "-timeout_error",
                  "127.0.0.1:" + sipPort)
              .directory(SCENARIOS.toFile())
              .redirectOutput(data.resolve("sipp.log").toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      assertThat(call.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(call.exitValue()).as(Files.readString(data.resolve("sipp.log"))).isZero();

      assertThat(awaitRecording(jdbc)).isEqualTo("201 INCOMING DEPARTMENT_POLICY");
      try (var files = Files.walk(data.resolve("audio"))) {
        assertThat(files.filter(p -> p.toString().endsWith(".wav"))).hasSize(1);
      }

      HttpResponse<String> login =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + webPort + "/api/v1/auth/login"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"email\":\"%s\",\"password\":\"%s\"}"
                                  .formatted(DemoLogins.SUPER_USER, DemoLogins.PASSWORD)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("\"role\":\"SUPER\"");
    } finally {
      demo.destroy();
      if (!demo.waitFor(60, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }

  private static String awaitBanner(Process demo) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
      if (line.contains("Place two recorded calls")) {
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> {}));
        return String.join("\n", lines);
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    throw new AssertionError("the demo did not start:\n" + String.join("\n", lines));
  }

  private static String awaitRecording(String jdbc) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
          ResultSet rs =
              c.createStatement()
                  .executeQuery("select extension, direction, rule from recording")) {
        if (rs.next()) {
          return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no recording within 30 s");
  }

  private static int freePort() throws Exception {
    try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int port(Pattern pattern, String banner) {
    return Integer.parseInt(find(pattern, banner));
  }

  private static String find(Pattern pattern, String banner) {
    Matcher m = pattern.matcher(banner);
    if (!m.find()) {
      throw new AssertionError(pattern + " not in the banner:\n" + banner);
    }
    return m.group(1);
  }
}
