package se.vittne.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

/**
 * Brute force is throttled per account and per client address (shared by every node in PostgreSQL),
 * and neither answers, nor the work done, nor the time taken tell whether an address has a login.
 * 127.0.0.1 is a trusted proxy here, so each test client can claim its own address.
 */
class LoginProtectionIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN =
      new AdminExtension(
          POSTGRES,
          MAIL,
          b ->
              b.trustedProxies(List.of("127.0.0.1/32", "::1/128"))
                  .minimumLoginResponse(Duration.ofMillis(400))
                  .throttle(
                      new LoginThrottle.Limits(
                          new LoginThrottle.Limit(5, Duration.ofMinutes(15)),
                          new LoginThrottle.Limit(8, Duration.ofMinutes(15)),
                          new LoginThrottle.Limit(3, Duration.ofHours(1)),
                          new LoginThrottle.Limit(4, Duration.ofHours(1)))));

  private TenantId tenant;
  private Login login;
  private int nextAddress;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    login = ADMIN.seed().login(tenant, LoginRole.SUPER);
  }

  /** A client at an address of its own. */
  private Api client() {
    return client("198.51.100." + (++nextAddress % 250 + 1) + ":" + System.nanoTime());
  }

  private Api client(String seed) {
    int hash = Math.floorMod(seed.hashCode(), 65000);
    return ADMIN.api().header("X-Forwarded-For", "10." + (hash / 250) + "." + (hash % 250) + ".7");
  }

  @Test
  void anAccountIsThrottledAfterTooManyAttemptsEvenWithTheRightPassword() {
    for (int i = 0; i < 5; i++) {
      assertThat(client().login(login.email(), "Wrong-Horse-" + i).status()).isEqualTo(401);
    }

    Api.Response throttled = client().login(login.email(), Seed.PASSWORD);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.problem()).isEqualTo("too-many-requests");
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15L * 60);
    ADMIN.clock().advance(Duration.ofMinutes(15));
    assertThat(client().login(login.email(), Seed.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void anUnknownAddressIsThrottledExactlyLikeAKnownOne() {
    String unknown = Seed.email("nobody");
    for (int i = 0; i < 5; i++) {
      client().login(unknown, "Wrong-Horse-" + i);
      client().login(login.email(), "Wrong-Horse-" + i);
    }

    Api.Response a = client().login(unknown, "Wrong-Horse-9");
    Api.Response b = client().login(login.email(), "Wrong-Horse-9");

    assertThat(a.status()).isEqualTo(429);
    assertThat(b.status()).isEqualTo(429);
    assertThat(a.body()).isEqualTo(b.body());
  }

  @Test
  void aClientAddressIsThrottledAcrossAccounts() {
    Api attacker = client("attacker");
    for (int i = 0; i < 8; i++) {
      assertThat(attacker.login(Seed.email("guess" + i), "Wrong-Horse-1").status()).isEqualTo(401);
    }

    assertThat(attacker.login(login.email(), Seed.PASSWORD).status()).isEqualTo(429);
    assertThat(client("colleague").login(login.email(), Seed.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginRefillsItsAccount() {
    for (int i = 0; i < 4; i++) {
      client().login(login.email(), "Wrong-Horse-" + i);
    }
    assertThat(client().login(login.email(), Seed.PASSWORD).status()).isEqualTo(200);

    for (int i = 0; i < 4; i++) {
      assertThat(client().login(login.email(), "Wrong-Horse-" + i).status()).isEqualTo(401);
    }
  }

  @Test
  void resetRequestsAreThrottledPerClientAddress() {
    Api flooder = client("flooder");
    for (int i = 0; i < 4; i++) {
      assertThat(
              flooder
                  .post("/api/v1/auth/password-reset", Map.of("email", Seed.email("x")))
                  .status())
          .isEqualTo(202);
    }

    Api.Response r = flooder.post("/api/v1/auth/password-reset", Map.of("email", login.email()));

    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isNotNull();
  }

  @Test
  void behindATrustedTlsProxyTheCookieIsSecureAndHostBound() {
    Api.Response r =
        client().header("X-Forwarded-Proto", "https").login(login.email(), Seed.PASSWORD);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Set-Cookie"))
        .startsWith("__Host-vittne_session=")
        .contains("; Secure")
        .contains("Path=/")
        .contains("HttpOnly")
        .doesNotContain("Domain");
    assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
  }

  @Test
  void theAuditLogNamesTheClientBehindTheProxy() {
    client("audited").login(login.email(), Seed.PASSWORD);
    String expected = client("audited").headers("X-Forwarded-For");

    assertThat(
            new se.vittne.storage.audit.AuditLog(ADMIN.dsl())
                    .list(
                        tenant,
                        java.time.Instant.EPOCH,
                        java.time.Instant.now().plus(Duration.ofDays(400)),
                        100)
                    .stream()
                    .filter(a -> a.entry().action().equals("LOGIN"))
                    .map(a -> a.entry().details().get("address")))
        .contains(expected);
  }

  @Test
  void everyLoginAttemptVerifiesExactlyOneArgon2Hash() {
    Login inactive = ADMIN.seed().login(tenant, LoginRole.SUPER);
    new LoginRepository(ADMIN.dsl()).setActive(tenant, inactive.id(), false);

    assertThat(verificationsFor(() -> client().login(login.email(), "Wrong-Horse-1"))).isEqualTo(1);
    assertThat(verificationsFor(() -> client().login(Seed.email("nobody"), "Wrong-Horse-1")))
        .isEqualTo(1);
    assertThat(verificationsFor(() -> client().login(inactive.email(), Seed.PASSWORD)))
        .isEqualTo(1);
    assertThat(verificationsFor(() -> client().login(login.email(), Seed.PASSWORD))).isEqualTo(1);
  }

  private double verificationsFor(Runnable attempt) {
    double before = verifications();
    attempt.run();
    return verifications() - before;
  }

  private double verifications() {
    return ADMIN.app().metrics().counter("vittne.admin.password.verifications").count();
  }

  @Test
  void knownAndUnknownAddressesTakeTheSameTimeToRefuse() {
    String unknown = Seed.email("nobody");
    List<Long> known = new ArrayList<>();
    List<Long> other = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      known.add(timed(() -> client().login(login.email(), "Wrong-Horse-1")));
      other.add(timed(() -> client().login(unknown, "Wrong-Horse-1")));
    }

    assertThat(median(known)).isGreaterThanOrEqualTo(400);
    assertThat(median(other)).isGreaterThanOrEqualTo(400);
    assertThat(Math.abs(median(known) - median(other))).isLessThan(150);
  }

  @Test
  void resetRequestsForKnownAndUnknownAddressesTakeTheSameTime() {
    List<Long> known = new ArrayList<>();
    List<Long> other = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      known.add(
          timed(
              () -> client().post("/api/v1/auth/password-reset", Map.of("email", login.email()))));
      other.add(
          timed(() ->
              client().post("/api/v1/auth/password-reset", Map.of("email", Seed.email("n")))));
    }

    assertThat(median(known)).isGreaterThanOrEqualTo(400);
    assertThat(Math.abs(median(known) - median(other))).isLessThan(150);
  }

  private static long timed(Runnable request) {
    long start = System.nanoTime();
    request.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
