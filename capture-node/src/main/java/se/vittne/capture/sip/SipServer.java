package se.vittne.capture.sip;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.sip.dialog.SignallingCore;
import se.vittne.capture.sip.message.SipMetrics;
import se.vittne.capture.sip.stack.JainSipEndpoint;
import se.vittne.capture.sip.trunk.TrunkDirectory;

/**
 * The running SIP server of a capture node.
 *
 * <pre>{@code
 * SipServer server = SipServer.start(config, trunks, handler, registry);
 * int port = server.port(SipTransport.UDP);
 * ...
 * server.stop(Duration.ofSeconds(10));   // BYE to every session, onEnd(SHUTDOWN), stack closed
 * }</pre>
 */
public final class SipServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
  private static final int PORT_ATTEMPTS = 20;

  private final SignallingCore core;
  private final JainSipEndpoint endpoint;
  private final InetAddress advertised;

  private SipServer(SignallingCore core, JainSipEndpoint endpoint, InetAddress advertised) {
    this.core = core;
    this.endpoint = endpoint;
    this.advertised = advertised;
  }

  /**
   * Starts listening. A port of 0 (for UDP/TCP or TLS) is replaced by one the OS reports free;
   * should another process take it first, another is tried.
   *
   * @throws IOException when the ports cannot be bound
   */
  public static SipServer start(
      SipServerConfig config,
      TrunkDirectory trunks,
      RecordingSessionHandler handler,
      MeterRegistry registry)
      throws IOException {
    InetAddress advertised = config.advertisedAddress().orElseGet(() -> advertise(config));
    SipMetrics metrics = new SipMetrics(registry);
    SignallingCore core = new SignallingCore(config, trunks, handler, metrics, advertised);
    IOException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = config.port() != 0 ? config.port() : freePort(config);
      int tlsPort = config.tls().map(t -> t.port()).orElse(0);
      if (config.tls().isPresent() && tlsPort == 0) {
        tlsPort = freeTcpPort(config.bindAddress());
      }
      try {
        JainSipEndpoint endpoint =
            JainSipEndpoint.start(config, port, tlsPort, advertised, core, metrics);
        SipServer server = new SipServer(core, endpoint, advertised);
        LOG.info(
            "SIP server listening on {} port {} ({}){}",
            config.bindAddress().getHostAddress(),
            port,
            config.transports(),
            config.tls().isPresent() ? ", TLS port " + tlsPort : "");
        return server;
      } catch (IOException e) {
        last = e;
        if (config.port() != 0 && config.tls().map(t -> t.port() != 0).orElse(true)) {
          break;
        }
      }
    }
    core.shutdown(Duration.ZERO);
    throw last;
  }

  /** The port the server listens on for a transport, or -1. */
  public int port(SipTransport transport) {
    return endpoint.port(transport);
  }

  /** The address in our Contact and in SDP answers where media is bound to a wildcard. */
  public InetAddress advertisedAddress() {
    return advertised;
  }

  /** Sessions between INVITE and end. */
  public int activeSessions() {
    return core.activeSessions();
  }

  /**
   * Stops: new INVITEs get 503, every session is ended (BYE, {@code onEnd} with {@link
   * EndReason#SHUTDOWN}) within the timeout, then the stack closes its sockets.
   */
  public void stop(Duration timeout) {
    core.shutdown(timeout);
    endpoint.stop();
    LOG.info("SIP server stopped");
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }

  private static int freePort(SipServerConfig config) throws IOException {
    InetAddress bind = config.bindAddress();
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(bind, 0))) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket()) {
          tcp.setReuseAddress(false);
          tcp.bind(new InetSocketAddress(bind, port));
          return port;
        } catch (IOException e) {
          // Taken for TCP; try another.
        }
      }
    }
    throw new IOException("no port free for both UDP and TCP on " + bind.getHostAddress());
  }

  private static int freeTcpPort(InetAddress bind) throws IOException {
    try (ServerSocket tcp = new ServerSocket(0, 1, bind)) {
      return tcp.getLocalPort();
    }
  }

  private static InetAddress advertise(SipServerConfig config) {
    InetAddress bind = config.bindAddress();
    if (!bind.isAnyLocalAddress()) {
      return bind;
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
            return address;
          }
        }
      }
    } catch (SocketException e) {
      LOG.warn("cannot list network interfaces: {}", e.toString());
    }
    return InetAddress.getLoopbackAddress();
  }
}
