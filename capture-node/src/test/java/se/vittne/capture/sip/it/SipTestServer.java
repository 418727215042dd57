package se.vittne.capture.sip.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import se.vittne.capture.sip.SipServer;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.SipTransport;
import se.vittne.capture.sip.trunk.ConfiguredTrunkDirectory;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;

/**
 * A real SIP server on 127.0.0.1 for integration tests: ports from the OS, the PBX trunk 127.0.0.1,
 * a media engine that binds real sockets, and a registry to read metrics from.
 */
public final class SipTestServer implements AutoCloseable {
  public static final TenantId TENANT = TenantId.of("5a0c8d3e-1f2b-4c6d-8e9f-0a1b2c3d4e5f");
  public static final InetAddress LOCAL = address("127.0.0.1");

  /** An address no trunk covers. */
  public static final InetAddress UNTRUSTED = address("127.0.0.2");

  /** The address of a trunk that must prove digest credentials. */
  public static final InetAddress DIGEST_PBX = address("127.0.0.3");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProbeHandler handler;
  private final SipServer server;

  private SipTestServer(SipServerConfig config, List<Trunk> trunks) throws IOException {
    this.handler = new ProbeHandler(new UdpSinkMediaEngine(LOCAL));
    this.server = SipServer.start(config, new ConfiguredTrunkDirectory(trunks), handler, registry);
  }

  /** UDP and TCP on a free port; the PBX at 127.0.0.1 is the only trunk. */
  public static SipTestServer start() throws IOException {
    return start(SipServerConfig.of(LOCAL, 0), List.of(pbx()));
  }

  public static SipTestServer start(SipServerConfig config, List<Trunk> trunks) throws IOException {
    return new SipTestServer(config, trunks);
  }

  /** The trusted PBX trunk. */
  public static Trunk pbx() {
    return Trunk.bySource("pbx", TENANT, NumberingPlan.SWEDEN, "127.0.0.1/32");
  }

  /** A trunk at 127.0.0.3 that must authenticate as vittne-pbx / s3cret (as in digest-auth.xml). */
  public static Trunk digestPbx() {
    return new Trunk(
        "digest-pbx",
        "digest-pbx",
        TENANT,
        List.of(se.vittne.capture.sip.trunk.Cidr.parse("127.0.0.3/32")),
        java.util.Optional.of(
            se.vittne.capture.sip.trunk.DigestCredentials.fromPassword(
                "vittne-pbx", "vittne", "s3cret")),
        List.of(),
        NumberingPlan.SWEDEN);
  }

  public SipServer server() {
    return server;
  }

  public ProbeHandler handler() {
    return handler;
  }

  public int port() {
    return server.port(SipTransport.UDP);
  }

  /** The sum of a counter's values over all its tag combinations that include these tags. */
  public double count(String name, Map<String, String> tags) {
    double total = 0;
    for (Meter meter : registry.find(name).meters()) {
      boolean matches =
          tags.entrySet().stream()
              .allMatch(t -> t.getValue().equals(meter.getId().getTag(t.getKey())));
      if (matches && meter instanceof Counter counter) {
        total += counter.count();
      }
    }
    return total;
  }

  public double count(String name) {
    return count(name, Map.of());
  }

  @Override
  public void close() {
    server.close();
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
