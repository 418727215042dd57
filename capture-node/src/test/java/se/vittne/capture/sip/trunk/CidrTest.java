package se.vittne.capture.sip.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  @Test
  void matchesAddressesInsideTheRangeOnly() throws Exception {
    Cidr range = Cidr.parse("192.0.2.0/25");

    assertThat(range.contains(ip("192.0.2.0"))).isTrue();
    assertThat(range.contains(ip("192.0.2.127"))).isTrue();
    assertThat(range.contains(ip("192.0.2.128"))).isFalse();
    assertThat(range.contains(ip("198.51.100.1"))).isFalse();
  }

  @Test
  void treatsBareAddressAsSingleHostAndZeroPrefixAsEverything() throws Exception {
    assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
    assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
  }

  @Test
  void keepsIpv6AndIpv4Apart() throws Exception {
    Cidr v6 = Cidr.parse("2001:db8::/32");

    assertThat(v6.contains(ip("2001:db8:1::5"))).isTrue();
    assertThat(v6.contains(ip("2001:db9::1"))).isFalse();
    assertThat(v6.contains(ip("192.0.2.1"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
  }

  @Test
  void refusesHostNamesAndBadPrefixes() {
    assertThatThrownBy(() -> Cidr.parse("pbx.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("192.0.2.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("192.0.2.0/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
