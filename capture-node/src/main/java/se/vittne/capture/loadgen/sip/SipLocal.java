package se.vittne.capture.loadgen.sip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the generator's SIP is sent from, for Via and Contact.
 *
 * @param transport {@code UDP} or {@code TCP}, as written in Via (RFC 3261 section 18.2)
 * @param address the local address
 * @param port the local port
 */
public record SipLocal(String transport, InetAddress address, int port) {
  public SipLocal {
    Objects.requireNonNull(transport, "transport");
    transport = transport.toUpperCase(Locale.ROOT);
    Objects.requireNonNull(address, "address");
  }

  /** {@code host:port}, an IPv6 address in brackets (RFC 3261 section 25.1, IPv6reference). */
  public String hostPort() {
    return host(address) + ":" + port;
  }

  /** An address as a SIP host: IPv6 in brackets, without a zone. */
  public static String host(InetAddress address) {
    String literal = address.getHostAddress();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    return address instanceof Inet6Address ? "[" + literal + "]" : literal;
  }
}
