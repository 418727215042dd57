package se.vittne.admin.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Calls;
import se.vittne.policy.Direction;
import se.vittne.policy.Explanation;
import se.vittne.policy.Rule;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.recording.CallInfo;
import se.vittne.storage.recording.PolicyOutcome;
import se.vittne.storage.recording.RecordedUser;
import se.vittne.storage.recording.UnrecordedCall;
import se.vittne.storage.recording.UnrecordedCallRepository;
import se.vittne.storage.testing.PostgresExtension;

/** The start pages' counts: the super user's overview and My Console's own calls. */
class OverviewIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static TenantId tenant;
  private static Api superUser;
  private static Api own;

  private static Instant at(int day, int hour) {
    return LocalDateTime.of(2026, 11, day, hour, 0).atZone(STOCKHOLM).toInstant();
  }

  @BeforeAll
  static void seed() {
    ADMIN.clock().set(at(25, 20));
    tenant = ADMIN.seed().tenant("Översikt AB");
    Calls calls = new Calls(ADMIN.dsl(), ADMIN.audio());
    calls.call(tenant, "201", at(25, 9)).direction(Direction.OUTGOING).archive();
    calls.call(tenant, "201", at(25, 10)).direction(Direction.INCOMING).archive();
    calls.call(tenant, "201", at(24, 10)).direction(Direction.INCOMING).archive();
    calls.call(tenant, "202", at(25, 11)).direction(Direction.INCOMING).archive();
    calls.call(tenant, "202", at(23, 11)).direction(Direction.INTERNAL).archive();
    new UnrecordedCallRepository(ADMIN.dsl()).insert(tenant, unrecorded("201", at(25, 12)));
    UUID user = new UserRepository(ADMIN.dsl()).create(tenant, UserData.of("Anna", "201")).id();
    superUser = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
    own =
        ADMIN.as(
            ADMIN
                .seed()
                .login(tenant, LoginRole.MY_CONSOLE, Permissions.ALL, Set.of(), Optional.of(user))
                .email());
  }

  private static UnrecordedCall unrecorded(String extension, Instant start) {
    UUID id = UUID.randomUUID();
    return new UnrecordedCall(
        id,
        new CallInfo(
            "c-" + id,
            "s-" + id,
            Direction.OUTGOING,
            Optional.of("+46701234567"),
            Optional.empty(),
            Optional.empty(),
            start),
        RecordedUser.unknown(extension),
        new PolicyOutcome(
            Rule.EXCLUDED_NUMBER,
            new Explanation("Numret är undantaget.", "The number is excluded."),
            1,
            Optional.empty()));
  }

  @Test
  void aSuperUsersOverviewOfTodayPerDirection() {
    JsonNode o = superUser.get("/api/v1/overview/calls").json();

    assertThat(o.path("scope").asText()).isEqualTo("TENANT");
    assertThat(o.path("totals").path("incoming").path("recorded").asLong()).isEqualTo(2);
    assertThat(o.path("totals").path("outgoing").path("recorded").asLong()).isEqualTo(1);
    assertThat(o.path("totals").path("outgoing").path("notRecorded").asLong()).isEqualTo(1);
    assertThat(o.path("totals").path("outgoing").path("total").asLong()).isEqualTo(2);
    assertThat(o.path("totals").path("all").path("total").asLong()).isEqualTo(4);
    assertThat(o.path("days").size()).isEqualTo(1);
  }

  @Test
  void callsPerDayForTheChart() {
    JsonNode o = superUser.get("/api/v1/overview/calls?period=this-week").json();

    assertThat(o.path("days").size()).isEqualTo(7);
    assertThat(o.path("days").get(0).path("date").asText()).isEqualTo("2026-11-23");
    assertThat(o.path("days").get(0).path("calls").path("internal").path("total").asLong())
        .isEqualTo(1);
    assertThat(o.path("days").get(1).path("calls").path("incoming").path("total").asLong())
        .isEqualTo(1);
    assertThat(o.path("days").get(2).path("calls").path("all").path("total").asLong()).isEqualTo(4);
    assertThat(o.path("totals").path("all").path("total").asLong()).isEqualTo(6);
  }

  @Test
  void aMyConsoleUsersOwnCallsMadeAndReceived() {
    JsonNode o = own.get("/api/v1/overview/calls?period=last-seven-days").json();

    assertThat(o.path("scope").asText()).isEqualTo("OWN");
    assertThat(o.path("made").asLong()).as("one recorded, one not").isEqualTo(2);
    assertThat(o.path("received").asLong()).isEqualTo(2);
    assertThat(o.path("totals").path("internal").path("total").asLong())
        .as("202's call is not theirs")
        .isZero();
  }

  @Test
  void aPeriodIsCheckedLikeTheListsAndBounded() {
    Api.Response unknown = superUser.get("/api/v1/overview/calls?extension=201");
    Api.Response tooLong = superUser.get("/api/v1/overview/calls?from=2024-01-01&to=2026-01-01");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("errors").get(0).path("code").asText())
        .isEqualTo("period-too-long");
  }
}
