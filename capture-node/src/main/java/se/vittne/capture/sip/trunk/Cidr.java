package se.vittne.capture.sip.trunk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a
 * bare address is a range of one.
 */
public record Cidr(InetAddress network, int prefixLength) {
  public Cidr {
    Objects.requireNonNull(network, "network");
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
  }

  /**
   * Parses a range. Only literal addresses are accepted: a host name would make trust depend on
   * DNS.
   */
  public static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash >= 0 ? trimmed.substring(0, slash) : trimmed;
    if (address.isEmpty() || !(address.indexOf(':') >= 0 || address.matches("[0-9.]+"))) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    InetAddress network;
    try {
      network = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + text, e);
    }
    int bits = network.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash >= 0 ? Integer.parseInt(trimmed.substring(slash + 1).strip()) : bits;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + text, e);
    }
    return new Cidr(network, prefix);
  }

  /** Whether an address lies in the range (IPv4 and IPv6 never match each other). */
  public boolean contains(InetAddress address) {
    byte[] net = network.getAddress();
    byte[] candidate = address.getAddress();
    if (net.length != candidate.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (net[i] != candidate[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (net[full] & mask) == (candidate[full] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
