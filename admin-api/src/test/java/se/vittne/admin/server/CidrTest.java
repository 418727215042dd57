package se.vittne.admin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Networks, literal addresses only, and which proxies' forwarding headers are believed. */
class CidrTest {
  @Test
  void parsesNetworksAndSingleHosts() {
    assertThat(Cidr.parse("192.0.2.0/24").toString()).isEqualTo("192.0.2.0/24");
    assertThat(Cidr.parse("192.0.2.9").prefix()).isEqualTo(32);
    assertThat(Cidr.parse("2001:db8::/32").prefix()).isEqualTo(32);
    assertThat(Cidr.parse("::1").prefix()).isEqualTo(128);
  }

  @Test
  void refusesHostBitsHostNamesAndBadPrefixes() {
    assertThatThrownBy(() -> Cidr.parse("192.0.2.1/24")).hasMessageContaining("192.0.2.0/24");
    assertThatThrownBy(() -> Cidr.parse("pbx.example.com"))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).hasMessageContaining("not an IP address");
  }

  @Test
  void containsAddressesOfItsOwnFamilyOnly() {
    Cidr net = Cidr.parse("10.1.0.0/16");

    assertThat(net.contains(Cidr.literal("10.1.200.3").orElseThrow())).isTrue();
    assertThat(net.contains(Cidr.literal("10.2.0.1").orElseThrow())).isFalse();
    assertThat(net.contains(Cidr.literal("::ffff:10.1.0.1").orElseThrow())).isTrue();
    assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.literal("10.1.0.1").orElseThrow()))
        .isFalse();
  }

  @Test
  void onlyATrustedProxyMayNameTheClient() {
    TrustedProxies proxies = new TrustedProxies(List.of(Cidr.parse("10.0.0.0/8")), false);

    assertThat(proxies.resolve("10.0.0.5", false, "203.0.113.7", "https"))
        .isEqualTo(new ClientInfo("203.0.113.7", true));
    assertThat(proxies.resolve("198.51.100.1", false, "203.0.113.7", "https"))
        .as("anyone else is taken at face value")
        .isEqualTo(new ClientInfo("198.51.100.1", false));
    assertThat(proxies.resolve("10.0.0.5", false, "6.6.6.6, 203.0.113.7, 10.0.0.9", null))
        .as("the right-most address that is not a proxy")
        .isEqualTo(new ClientInfo("203.0.113.7", false));
    assertThat(proxies.resolve("10.0.0.5", false, "evil, 203.0.113.7", null).address())
        .isEqualTo("203.0.113.7");
    assertThat(new TrustedProxies(List.of(), true).resolve("[::1]", false, null, null))
        .isEqualTo(new ClientInfo("::1", true));
  }
}
