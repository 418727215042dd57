package se.vittne.capture.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.SipTransport;
import se.vittne.capture.sip.trunk.Cidr;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.policy.number.NumberingPlan;

/**
 * The TLS listener: keys made with the JDK's keytool; a trunk that must present a client
 * certificate naming {@code pbx.example.se} (R-43: TLS identity).
 */
class SipTlsIT {
  private static final String PASSWORD = "changeit";
  @TempDir static Path dir;
  private static SipTestServer server;
  private static Path serverStore;
  private static Path clientStore;
  private static Path strangerStore;

  @BeforeAll
  static void start() throws Exception {
    serverStore = keyPair("server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
    clientStore = keyPair("pbx", "CN=pbx.example.se", "SAN=dns:pbx.example.se");
    strangerStore = keyPair("stranger", "CN=stranger.example", "SAN=dns:stranger.example");
    Path trust = dir.resolve("trust.p12");
    importCertificate(clientStore, "pbx", trust);
    importCertificate(strangerStore, "stranger", trust);
    SipServerConfig config =
        SipServerConfig.of(SipTestServer.LOCAL, 0)
            .withTls(
                new SipServerConfig.Tls(
                    0,
                    serverStore,
                    PASSWORD,
                    "PKCS12",
                    Optional.of(trust),
                    Optional.of(PASSWORD),
                    SipServerConfig.ClientAuth.WANT));
    Trunk tlsTrunk =
        new Trunk(
            "tls-pbx",
            "tls-pbx",
            SipTestServer.TENANT,
            List.of(Cidr.parse("127.0.0.1/32")),
            Optional.empty(),
            List.of("pbx.example.se"),
            NumberingPlan.SWEDEN);
    server = SipTestServer.start(config, List.of(tlsTrunk));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void answersOptionsOverTlsFromTheTrunksCertificate() throws Exception {
    String response = options(clientStore);

    assertThat(response).startsWith("SIP/2.0 200 OK").contains("siprec");
  }

  @Test
  void refusesTlsClientWithAnotherIdentity() throws Exception {
    String response = options(strangerStore);

    assertThat(response).startsWith("SIP/2.0 403");
  }

  @Test
  void refusesTheTrunksAddressWithoutTls() throws Exception {
    try (RawSipClient udp =
        new RawSipClient(SipTestServer.LOCAL, SipTestServer.LOCAL, server.port())) {
      String message = request("UDP", udp.localPort());
      List<String> answers =
          udp.udp(message.getBytes(StandardCharsets.UTF_8), java.time.Duration.ofSeconds(3));
      assertThat(answers).isNotEmpty();
      assertThat(answers.get(0)).startsWith("SIP/2.0 403");
    }
  }

  private static String options(Path clientKeys) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(clientKeys), PASSWORD.toCharArray());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(serverStore));
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.bind(new InetSocketAddress(SipTestServer.LOCAL, 0));
      socket.connect(
          new InetSocketAddress(SipTestServer.LOCAL, server.server().port(SipTransport.TLS)), 3000);
      socket.startHandshake();
      socket
          .getOutputStream()
          .write(request("TLS", socket.getLocalPort()).getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      socket.setSoTimeout(5000);
      return readResponse(socket.getInputStream());
    }
  }

  private static String request(String transport, int port) {
    return "OPTIONS sip:srs@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/"
        + transport
        + " 127.0.0.1:"
        + port
        + ";branch=z9hG4bK-"
        + UUID.randomUUID()
        + ";rport\r\n"
        + "From: <sip:pbx@pbx.example.se>;tag=tls1\r\n"
        + "To: <sip:srs@127.0.0.1>\r\n"
        + "Call-ID: tls-"
        + UUID.randomUUID()
        + "\r\n"
        + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
  }

  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!read.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        break;
      }
      if (n < 0) {
        break;
      }
      read.write(buffer, 0, n);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static Path keyPair(String alias, String name, String san) throws Exception {
    Path store = dir.resolve(alias + ".p12");
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        name,
        "-ext",
        san,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    return store;
  }

  private static void importCertificate(Path from, String alias, Path into) throws Exception {
    Path certificate = dir.resolve(alias + ".crt");
    keytool(
        "-exportcert",
        "-alias",
        alias,
        "-keystore",
        from.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        alias,
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        into.toString(),
        "-storepass",
        PASSWORD);
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }
}
