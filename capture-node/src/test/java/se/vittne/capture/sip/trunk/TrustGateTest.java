package se.vittne.capture.sip.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.NumberingPlan;

class TrustGateTest {
  private static final TenantId ACME = TenantId.of("11111111-1111-1111-1111-111111111111");
  private static final TenantId GLOBEX = TenantId.of("22222222-2222-2222-2222-222222222222");
  private static final String URI = "sip:srs@192.0.2.1";

  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  private static Trunk digestTrunk(String id, TenantId tenant, String user, String password) {
    return new Trunk(
        id,
        id,
        tenant,
        List.of(Cidr.parse("198.51.100.0/24")),
        Optional.of(DigestCredentials.fromPassword(user, "vittne", password)),
        List.of(),
        NumberingPlan.SWEDEN);
  }

  /** What an SRC answers to a challenge, computed as RFC 7616 section 3.4.1 says. */
  private static String answer(String challenge, String user, String password, String method) {
    Map<String, String> params = DigestAuthenticator.parseAuthorization(challenge).orElseThrow();
    String ha1 = DigestCredentials.md5Hex(user + ":" + params.get("realm") + ":" + password);
    String ha2 = DigestCredentials.md5Hex(method + ":" + URI);
    String response =
        DigestCredentials.md5Hex(
            ha1 + ":" + params.get("nonce") + ":00000001:0a4f113b:auth:" + ha2);
    return "Digest username=\""
        + user
        + "\", realm=\""
        + params.get("realm")
        + "\", nonce=\""
        + params.get("nonce")
        + "\", uri=\""
        + URI
        + "\", response=\""
        + response
        + "\", algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001";
  }

  @Test
  void refusesUnknownSources() throws Exception {
    TrustGate gate =
        new TrustGate(
            new ConfiguredTrunkDirectory(
                List.of(Trunk.bySource("pbx", ACME, NumberingPlan.SWEDEN, "192.0.2.0/24"))),
            new DigestAuthenticator(Clock.systemUTC(), Duration.ofMinutes(5)));

    TrustDecision decision = gate.check(ip("203.0.113.7"), "INVITE", List.of(), List.of());

    assertThat(decision)
        .isInstanceOfSatisfying(
            TrustDecision.Refused.class, r -> assertThat(r.reason()).contains("203.0.113.7"));
  }

  @Test
  void picksTheMostSpecificTrunkByAddress() throws Exception {
    Trunk wide = Trunk.bySource("wide", ACME, NumberingPlan.SWEDEN, "10.0.0.0/8");
    Trunk narrow = Trunk.bySource("narrow", GLOBEX, NumberingPlan.SWEDEN, "10.1.2.0/24");
    TrustGate gate =
        new TrustGate(
            new ConfiguredTrunkDirectory(List.of(wide, narrow)),
            new DigestAuthenticator(Clock.systemUTC(), Duration.ofMinutes(5)));

    assertThat(gate.check(ip("10.1.2.3"), "INVITE", List.of(), List.of()))
        .isEqualTo(new TrustDecision.Trusted(narrow));
    assertThat(gate.check(ip("10.9.9.9"), "INVITE", List.of(), List.of()))
        .isEqualTo(new TrustDecision.Trusted(wide));
  }

  @Test
  void challengesThenAcceptsValidDigestAndTellsSharedAddressTenantsApart() throws Exception {
    Trunk acme = digestTrunk("acme", ACME, "acme-pbx", "s3cret");
    Trunk globex = digestTrunk("globex", GLOBEX, "globex-pbx", "other");
    TrustGate gate =
        new TrustGate(
            new ConfiguredTrunkDirectory(List.of(acme, globex)),
            new DigestAuthenticator(Clock.systemUTC(), Duration.ofMinutes(5)));

    TrustDecision first = gate.check(ip("198.51.100.5"), "INVITE", List.of(), List.of());
    assertThat(first).isInstanceOf(TrustDecision.Challenge.class);
    String challenge = ((TrustDecision.Challenge) first).wwwAuthenticate();
    assertThat(challenge).startsWith("Digest realm=\"vittne\"").contains("qop=\"auth\"");

    assertThat(
            gate.check(
                ip("198.51.100.5"),
                "INVITE",
                List.of(answer(challenge, "globex-pbx", "other", "INVITE")),
                List.of()))
        .isEqualTo(new TrustDecision.Trusted(globex));
    assertThat(
            gate.check(
                ip("198.51.100.5"),
                "INVITE",
                List.of(answer(challenge, "acme-pbx", "s3cret", "INVITE")),
                List.of()))
        .isEqualTo(new TrustDecision.Trusted(acme));
  }

  @Test
  void challengesAgainOnWrongPasswordOrForgedNonce() throws Exception {
    Trunk acme = digestTrunk("acme", ACME, "acme-pbx", "s3cret");
    TrustGate gate =
        new TrustGate(
            new ConfiguredTrunkDirectory(List.of(acme)),
            new DigestAuthenticator(Clock.systemUTC(), Duration.ofMinutes(5)));
    String challenge =
        ((TrustDecision.Challenge) gate.check(ip("198.51.100.5"), "INVITE", List.of(), List.of()))
            .wwwAuthenticate();
    String forged = "Digest realm=\"vittne\", nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"";

    TrustDecision wrong =
        gate.check(
            ip("198.51.100.5"),
            "INVITE",
            List.of(answer(challenge, "acme-pbx", "guess", "INVITE")),
            List.of());
    TrustDecision replayedNonce =
        gate.check(
            ip("198.51.100.5"),
            "INVITE",
            List.of(answer(forged, "acme-pbx", "s3cret", "INVITE")),
            List.of());

    assertThat(wrong)
        .isInstanceOfSatisfying(
            TrustDecision.Challenge.class,
            c -> assertThat(c.reason()).isEqualTo("bad credentials"));
    assertThat(replayedNonce).isInstanceOf(TrustDecision.Challenge.class);
  }

  @Test
  void answersExpiredNonceWithStaleChallenge() throws Exception {
    Trunk acme = digestTrunk("acme", ACME, "acme-pbx", "s3cret");
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    TrustGate gate =
        new TrustGate(
            new ConfiguredTrunkDirectory(List.of(acme)),
            new DigestAuthenticator(clock, Duration.ofMinutes(5)));
    String challenge =
        ((TrustDecision.Challenge) gate.check(ip("198.51.100.5"), "INVITE", List.of(), List.of()))
            .wwwAuthenticate();
    String authorization = answer(challenge, "acme-pbx", "s3cret", "INVITE");

    clock.now = clock.now.plus(Duration.ofMinutes(4));
    TrustDecision inTime =
        gate.check(ip("198.51.100.5"), "INVITE", List.of(authorization), List.of());
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    TrustDecision late =
        gate.check(ip("198.51.100.5"), "INVITE", List.of(authorization), List.of());

    assertThat(inTime).isEqualTo(new TrustDecision.Trusted(acme));
    assertThat(late)
        .isInstanceOfSatisfying(
            TrustDecision.Challenge.class,
            c -> {
              assertThat(c.reason()).isEqualTo("nonce expired");
              assertThat(c.wwwAuthenticate()).endsWith("stale=true");
            });
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void requiresTheConfiguredTlsIdentity() throws Exception {
    Trunk tls =
        new Trunk(
            "tls",
            "tls",
            ACME,
            List.of(Cidr.parse("192.0.2.0/24")),
            Optional.empty(),
            List.of("sbc.acme.example"),
            NumberingPlan.SWEDEN);
    TrustGate gate =
        new TrustGate(
            new ConfiguredTrunkDirectory(List.of(tls)),
            new DigestAuthenticator(Clock.systemUTC(), Duration.ofMinutes(5)));

    assertThat(gate.check(ip("192.0.2.9"), "INVITE", List.of(), List.of("sbc.acme.example")))
        .isEqualTo(new TrustDecision.Trusted(tls));
    assertThat(gate.check(ip("192.0.2.9"), "INVITE", List.of(), List.of("evil.example")))
        .isInstanceOf(TrustDecision.Refused.class);
    assertThat(gate.check(ip("192.0.2.9"), "INVITE", List.of(), List.of()))
        .isInstanceOf(TrustDecision.Refused.class);
  }
}
