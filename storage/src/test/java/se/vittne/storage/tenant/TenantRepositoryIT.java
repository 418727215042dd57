package se.vittne.storage.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.testing.PostgresExtension;

class TenantRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  private TenantRepository tenants;
  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());

  @BeforeEach
  void setUp() {
    tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A AB", 5));
    tenants.create(b, TenantSettings.defaults("B AB", 7));
  }

  @Test
  void settingsRoundTripExactly() {
    var settings =
        new TenantSettings(
            "Oslo AS",
            12,
            "47",
            ZoneId.of("Europe/Oslo"),
            30,
            true,
            new OfficeHours(LocalTime.of(7, 30), LocalTime.of(16, 0), Set.of(DayOfWeek.SATURDAY)),
            false);

    assertThat(tenants.update(a, settings)).isTrue();

    assertThat(tenants.find(a)).contains(settings);
    assertThat(tenants.find(a).orElseThrow().numberingPlan().trunkPrefix()).isEmpty();
  }

  @Test
  void newTenantsGetTheUserGuideDefaults() {
    TenantSettings settings = tenants.find(a).orElseThrow();

    assertThat(settings.retentionDays()).isEqualTo(90);
    assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    assertThat(settings.numberingPlan().countryCode()).isEqualTo("46");
  }

  @Test
  void creatingAnExistingTenantChangesNothing() {
    assertThat(tenants.create(a, TenantSettings.defaults("Other name", 1))).isFalse();
    assertThat(tenants.find(a).orElseThrow().name()).isEqualTo("A AB");
  }

  @Test
  void updateAndDeleteOfOneTenantLeaveTheOtherAlone() {
    tenants.update(a, TenantSettings.defaults("A renamed", 1));
    tenants.delete(a);

    assertThat(tenants.find(a)).isEmpty();
    assertThat(tenants.find(b)).contains(TenantSettings.defaults("B AB", 7));
  }

  @Test
  void operatorsListEveryTenant() {
    assertThat(tenants.listAll()).extracting(Tenant::id).contains(a, b);
  }
}
