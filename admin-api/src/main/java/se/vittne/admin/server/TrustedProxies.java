package se.vittne.admin.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reverse proxies (TLS terminators, load balancers) whose X-Forwarded-For and X-Forwarded-Proto
 * headers are believed. A request from anyone else is taken at face value, so a client cannot pick
 * its own address to escape throttling or to forge the audit log.
 */
public final class TrustedProxies {
  private final List<Cidr> networks;
  private final boolean alwaysSecure;

  /**
   * @param networks the proxies' networks
   * @param alwaysSecure whether clients always use HTTPS (the public URL is https://), so cookies
   *     are Secure whatever the last hop was
   */
  public TrustedProxies(List<Cidr> networks, boolean alwaysSecure) {
    this.networks = List.copyOf(networks);
    this.alwaysSecure = alwaysSecure;
  }

  /**
   * The client of a request.
   *
   * @param peer the address the TCP connection came from
   * @param secureConnection whether that connection is TLS
   * @param forwardedFor the X-Forwarded-For header, or null
   * @param forwardedProto the X-Forwarded-Proto header, or null
   */
  public ClientInfo resolve(
      String peer, boolean secureConnection, String forwardedFor, String forwardedProto) {
    peer = unbracket(peer);
    if (!trusted(peer)) {
      return new ClientInfo(peer, alwaysSecure || secureConnection);
    }
    String client = peer;
    if (forwardedFor != null) {
      // the right-most address that is not one of our proxies is the client
      String[] hops = forwardedFor.split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        String hop = hops[i].strip();
        Optional<InetAddress> address = Cidr.literal(hop);
        if (address.isEmpty()) {
          break;
        }
        client = address.get().getHostAddress();
        if (!trusted(client)) {
          break;
        }
      }
    }
    boolean secure =
        alwaysSecure
            || secureConnection
            || (forwardedProto != null
                && forwardedProto.strip().toLowerCase(Locale.ROOT).startsWith("https"));
    return new ClientInfo(client, secure);
  }

  private static String unbracket(String address) {
    return address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1)
        : address;
  }

  private boolean trusted(String address) {
    Optional<InetAddress> ip = Cidr.literal(address);
    return ip.isPresent() && networks.stream().anyMatch(n -> n.contains(ip.get()));
  }
}
