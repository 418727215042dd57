package se.vittne.storage.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

class TrunkRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private TrunkRepository trunks;
  private Trunk trunkA;
  // each test uses its own address block: the lookup spans tenants and the class shares a database
  private static final java.util.concurrent.atomic.AtomicInteger BLOCKS =
      new java.util.concurrent.atomic.AtomicInteger();
  private final int block = BLOCKS.incrementAndGet();

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    trunks = new TrunkRepository(POSTGRES.dsl());
    trunkA =
        trunks.create(
            a,
            new Trunk(
                UUID.randomUUID(),
                a,
                "SBC A",
                List.of(
                    "10." + block + ".0.0/16", "2001:db8:" + Integer.toHexString(block) + "::/48"),
                Optional.of(
                    new Trunk.DigestCredentials(
                        "vittne", "sbc-a", "0123456789abcdef0123456789abcdef")),
                Optional.empty(),
                true));
  }

  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  @Test
  void aTrunkRoundTrips() {
    assertThat(trunks.find(a, trunkA.id())).contains(trunkA);
    assertThat(trunks.list(a)).containsExactly(trunkA);
  }

  @Test
  void anInviteIsMatchedToTheTrunkWhoseNetworkContainsItsSource() throws Exception {
    assertThat(trunks.findBySource(ip("10." + block + ".3.4"))).contains(trunkA);
    assertThat(trunks.findBySource(ip("2001:db8:" + Integer.toHexString(block) + "::5")))
        .contains(trunkA);
    assertThat(trunks.findBySource(ip("192.0.2.1"))).isEmpty();
  }

  @Test
  void theMostSpecificNetworkWinsAndDisabledTrunksNeverMatch() throws Exception {
    Trunk host =
        trunks.create(
            b,
            new Trunk(
                UUID.randomUUID(),
                b,
                "host",
                List.of("10." + block + ".9.9/32"),
                Optional.empty(),
                Optional.of("CN=sbc.b.example"),
                true));

    assertThat(trunks.findBySource(ip("10." + block + ".9.9"))).contains(host);

    trunks.update(
        b,
        new Trunk(host.id(), b, "host", host.sources(), Optional.empty(), Optional.empty(), false));
    assertThat(trunks.findBySource(ip("10." + block + ".9.9"))).contains(trunkA);
  }

  @Test
  void anotherTenantSeesNoneOfItAndCanChangeNoneOfIt() {
    assertThat(trunks.find(b, trunkA.id())).isEmpty();
    assertThat(trunks.list(b)).isEmpty();
    assertThat(trunks.delete(b, trunkA.id())).isFalse();
    Trunk stolen =
        new Trunk(
            trunkA.id(), b, "mine", List.of("0.0.0.0/0"), Optional.empty(), Optional.empty(), true);
    assertThat(trunks.update(b, stolen)).isFalse();
    assertThatThrownBy(() -> trunks.update(b, trunkA)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> trunks.create(b, trunkA)).isInstanceOf(IllegalArgumentException.class);
    assertThat(trunks.find(a, trunkA.id())).contains(trunkA);
  }

  @Test
  void deleteRemovesTheTrunkAndItsNetworks() throws Exception {
    assertThat(trunks.delete(a, trunkA.id())).isTrue();
    assertThat(trunks.findBySource(ip("10." + block + ".3.4"))).isEmpty();
  }
}
