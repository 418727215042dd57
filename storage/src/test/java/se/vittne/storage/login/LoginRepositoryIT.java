package se.vittne.storage.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

class LoginRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private LoginRepository logins;
  private Department sales;
  private Login restricted;
  private String email;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    logins = new LoginRepository(POSTGRES.dsl());
    sales =
        new OrganisationRepository(POSTGRES.dsl())
            .createDepartment(a, new DepartmentId("sales"), "Sälj");
    email = "Lisa." + UUID.randomUUID() + "@A.example";
    restricted =
        logins.create(
            a,
            email,
            new LoginAccess(
                LoginRole.RESTRICTED,
                Permissions.LISTEN_ONLY,
                Set.of(sales.id()),
                Optional.empty()),
            "sv");
  }

  @Test
  void aLoginRoundTripsAndIsFoundByItsAddressIgnoringCase() {
    assertThat(restricted.tenant()).contains(a);
    assertThat(restricted.role()).isEqualTo(LoginRole.RESTRICTED);
    assertThat(restricted.departments()).containsExactly(sales.id());
    assertThat(restricted.mustChangePassword()).isTrue();
    assertThat(restricted.passwordHash()).isEmpty();
    assertThat(logins.findByEmail(email.toUpperCase())).contains(restricted);
    assertThat(logins.list(a)).containsExactly(restricted);
  }

  @Test
  void anAddressIsUniqueAcrossTenants() {
    LoginAccess console =
        new LoginAccess(LoginRole.MY_CONSOLE, Permissions.LISTEN_ONLY, Set.of(), Optional.empty());
    assertThatThrownBy(() -> logins.create(b, email.toLowerCase(), console, "en"))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void passwordsAreKeptInHistoryNewestFirst() {
    logins.setPassword(a, restricted.id(), "hash-1", true, NOW);
    logins.setPassword(a, restricted.id(), "hash-2", false, NOW.plusSeconds(1));
    logins.setPassword(a, restricted.id(), "hash-3", false, NOW.plusSeconds(2));

    Login changed = logins.find(a, restricted.id()).orElseThrow();
    assertThat(changed.passwordHash()).contains("hash-3");
    assertThat(changed.passwordChangedAt()).contains(NOW.plusSeconds(2));
    assertThat(changed.mustChangePassword()).isFalse();
    assertThat(logins.passwordHistory(a, restricted.id(), 2)).containsExactly("hash-3", "hash-2");
  }

  @Test
  void accessActivationLanguageAndLicenceCanBeChanged() {
    var superUser = new LoginAccess(LoginRole.SUPER, Permissions.ALL, Set.of(), Optional.empty());
    assertThat(logins.updateAccess(a, restricted.id(), superUser)).isTrue();
    assertThat(logins.setActive(a, restricted.id(), false)).isTrue();
    assertThat(logins.setLanguage(a, restricted.id(), "en")).isTrue();
    assertThat(logins.acceptLicence(a, restricted.id(), NOW)).isTrue();

    Login changed = logins.find(a, restricted.id()).orElseThrow();
    assertThat(changed.role()).isEqualTo(LoginRole.SUPER);
    assertThat(changed.permissions()).isEqualTo(Permissions.ALL);
    assertThat(changed.departments()).isEmpty();
    assertThat(changed.active()).isFalse();
    assertThat(changed.language()).isEqualTo("en");
    assertThat(changed.licenceAcceptedAt()).contains(NOW);
    assertThat(logins.delete(a, restricted.id())).isTrue();
    assertThat(logins.find(a, restricted.id())).isEmpty();
  }

  @Test
  void operatorsBelongToNoTenant() {
    Login operator = logins.createOperator("ops." + UUID.randomUUID() + "@vittne.example", "en");

    assertThat(operator.tenant()).isEmpty();
    assertThat(operator.operator()).isTrue();
    assertThat(logins.findOperator(operator.id())).contains(operator);
    assertThat(logins.listOperators()).contains(operator);
    assertThat(logins.find(a, operator.id())).isEmpty();
    assertThat(logins.setOperatorPassword(operator.id(), "h", false, NOW)).isTrue();
    assertThat(logins.setOperatorPassword(restricted.id(), "h", false, NOW)).isFalse();
    assertThat(logins.findOperator(restricted.id())).isEmpty();
  }

  @Test
  void anotherTenantCanNeitherSeeNorChangeALogin() {
    logins.setPassword(a, restricted.id(), "hash-1", false, NOW);
    var superUser = new LoginAccess(LoginRole.SUPER, Permissions.ALL, Set.of(), Optional.empty());

    assertThat(logins.find(b, restricted.id())).isEmpty();
    assertThat(logins.list(b)).isEmpty();
    assertThat(logins.updateAccess(b, restricted.id(), superUser)).isFalse();
    assertThat(logins.setActive(b, restricted.id(), false)).isFalse();
    assertThat(logins.setLanguage(b, restricted.id(), "en")).isFalse();
    assertThat(logins.acceptLicence(b, restricted.id(), NOW)).isFalse();
    assertThat(logins.setPassword(b, restricted.id(), "evil", false, NOW)).isFalse();
    assertThat(logins.passwordHistory(b, restricted.id(), 10)).isEmpty();
    assertThat(logins.delete(b, restricted.id())).isFalse();
    Login unchanged = logins.find(a, restricted.id()).orElseThrow();
    assertThat(unchanged.role()).isEqualTo(LoginRole.RESTRICTED);
    assertThat(unchanged.passwordHash()).contains("hash-1");
    assertThat(unchanged.active()).isTrue();
  }

  @Test
  void aRestrictedLoginCannotBeGivenAnotherTenantsDepartment() {
    LoginAccess intoA =
        new LoginAccess(
            LoginRole.RESTRICTED, Permissions.LISTEN_ONLY, Set.of(sales.id()), Optional.empty());
    assertThatThrownBy(() -> logins.create(b, "x." + UUID.randomUUID() + "@b.example", intoA, "sv"))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void sessionsAreFoundByTokenOnlyWhileLiveAndAreStoredHashed() {
    var sessions = new SessionRepository(POSTGRES.dsl());
    var opened =
        sessions.open(a, restricted.id(), true, Duration.ofHours(1), "127.0.0.1", "test", NOW);

    assertThat(sessions.find(opened.token(), NOW.plusSeconds(60))).contains(opened.session());
    assertThat(opened.session().tenant()).contains(a);
    assertThat(
            POSTGRES
                .dsl()
                .fetchExists(
                    POSTGRES
                        .dsl()
                        .selectOne()
                        .from("login_session")
                        .where("token_hash = ?", opened.token())))
        .isFalse();
    assertThat(sessions.touch(opened.token(), Duration.ofHours(1), NOW.plusSeconds(1800))).isTrue();
    assertThat(sessions.find(opened.token(), NOW.plusSeconds(3700))).isPresent();
    assertThat(sessions.find(opened.token(), NOW.plusSeconds(5500))).isEmpty();
    assertThat(sessions.find("not-a-token", NOW)).isEmpty();
  }

  @Test
  void sessionsEndOnLogoutOrForTheWholeLogin() {
    var sessions = new SessionRepository(POSTGRES.dsl());
    var first = sessions.open(a, restricted.id(), false, Duration.ofHours(1), null, null, NOW);
    var second = sessions.open(a, restricted.id(), false, Duration.ofHours(1), null, null, NOW);
    var third = sessions.open(a, restricted.id(), false, Duration.ofHours(1), null, null, NOW);

    assertThat(sessions.close(first.token())).isTrue();
    assertThat(sessions.closeAll(b, restricted.id())).isZero();
    assertThat(sessions.find(second.token(), NOW)).isPresent();
    assertThat(sessions.closeAll(a, restricted.id())).isEqualTo(2);
    assertThat(sessions.find(third.token(), NOW)).isEmpty();
    sessions.open(a, restricted.id(), false, Duration.ofMinutes(1), null, null, NOW);
    assertThat(sessions.deleteExpired(NOW.plusSeconds(120))).isPositive();
  }

  @Test
  void aSessionCannotBeOpenedInATenantForAnotherTenantsLogin() {
    var sessions = new SessionRepository(POSTGRES.dsl());
    assertThatThrownBy(
            () -> sessions.open(b, restricted.id(), false, Duration.ofHours(1), null, null, NOW))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void aResetLinkWorksOnceAndOnlyBeforeItExpires() {
    var resets = new PasswordResetRepository(POSTGRES.dsl());
    String token = resets.issue(restricted.id(), Duration.ofHours(1), NOW);
    String late = resets.issue(restricted.id(), Duration.ofHours(1), NOW);

    assertThat(resets.consume(token, NOW.plusSeconds(60))).contains(restricted.id());
    assertThat(resets.consume(token, NOW.plusSeconds(61))).isEmpty();
    assertThat(resets.consume(late, NOW.plusSeconds(3601))).isEmpty();
    assertThat(resets.consume("guess", NOW)).isEmpty();
  }

  @Test
  void apiTokensAuthenticateUntilRevokedOrExpiredAndStayInTheirTenant() {
    var tokens = new ApiTokenRepository(POSTGRES.dsl());
    var issued =
        tokens.issue(
            a,
            restricted.id(),
            "crm",
            Set.of("recordings:read"),
            Optional.of(NOW.plusSeconds(3600)),
            NOW);

    assertThat(tokens.authenticate(issued.secret(), NOW.plusSeconds(10)))
        .hasValueSatisfying(t -> {
          assertThat(t.tenant()).contains(a);
          assertThat(t.scopes()).containsExactly("recordings:read");
          assertThat(t.lastUsedAt()).contains(NOW.plusSeconds(10));
        });
    assertThat(tokens.authenticate(issued.secret(), NOW.plusSeconds(3601))).isEmpty();
    assertThat(tokens.list(b)).isEmpty();
    assertThat(tokens.revoke(b, issued.token().id(), NOW)).isFalse();
    assertThat(tokens.authenticate(issued.secret(), NOW.plusSeconds(20))).isPresent();
    assertThat(tokens.revoke(a, issued.token().id(), NOW)).isTrue();
    assertThat(tokens.authenticate(issued.secret(), NOW.plusSeconds(30))).isEmpty();
    assertThat(tokens.list(a))
        .singleElement()
        .satisfies(t -> assertThat(t.revokedAt()).contains(NOW));
    assertThatThrownBy(() -> tokens.issue(b, restricted.id(), "x", Set.of(), Optional.empty(), NOW))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void tokensAreLongRandomAndHashedWithSha256() {
    String token = SecretTokens.newToken();
    assertThat(token).hasSize(43).isNotEqualTo(SecretTokens.newToken());
    assertThat(SecretTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
