package se.vittne.admin.server;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation ("192.0.2.0/24", "2001:db8::/48"; a bare address is a
 * single host). Parsing never looks anything up in DNS: only address literals are accepted.
 *
 * @param network the network address, host bits zero
 * @param prefix the prefix length
 */
public record Cidr(InetAddress network, int prefix) {
  /** Parses a network; refuses host bits set right of the mask, which PostgreSQL refuses too. */
  public static Cidr parse(String text) {
    String value = text.strip();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    InetAddress ip =
        literal(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address));
    int bits = ip.getAddress().length * 8;
    int prefix;
    if (slash < 0) {
      prefix = bits;
    } else {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a prefix length: " + value.substring(slash + 1));
      }
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix length must be 0 to " + bits);
    }
    InetAddress network = masked(ip, prefix);
    if (!network.equals(ip)) {
      throw new IllegalArgumentException(
          "host bits are set; the network is " + network.getHostAddress() + "/" + prefix);
    }
    return new Cidr(network, prefix);
  }

  /** The address, if the text is an IPv4 or IPv6 literal (never a host name). */
  public static Optional<InetAddress> literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return Optional.empty();
    }
    boolean v6 = text.indexOf(':') >= 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || c == '.'
              || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return Optional.empty();
      }
    }
    if (!v6 && text.split("\\.", -1).length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  public boolean contains(InetAddress address) {
    if (address.getAddress().length != network.getAddress().length) {
      return false;
    }
    return masked(address, prefix).equals(network);
  }

  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    BigInteger value = new BigInteger(1, bytes);
    BigInteger mask =
        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
    byte[] raw = value.and(mask).toByteArray();
    byte[] out = new byte[bytes.length];
    int copy = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }
}
