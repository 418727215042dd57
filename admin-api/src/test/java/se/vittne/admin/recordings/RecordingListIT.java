package se.vittne.admin.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.notes.Note;
import se.vittne.storage.notes.NoteRepository;
import se.vittne.storage.recording.Flag;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

/**
 * The recordings list against the real server on seeded calls: every filter of R-51 alone and
 * combined, the default period and limit, no limit, sorting, the role's scope and clear 400
 * problems for filters that cannot be used. "Now" is Wednesday 25 November 2026, 20:00 in
 * Stockholm.
 */
class RecordingListIT {
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
  private static UUID sales;
  private static UUID support;
  private static UUID district;
  private static UUID costCentre;
  private static UUID office;

  /** Today 09:00, 201, outgoing, 30 s, sales, district; red, tag "Upsell offered". */
  private static NewRecording r1;

  /** Today 18:30 (outside office hours), 202, incoming to a DDI, 5 min, support; green. */
  private static NewRecording r2;

  /** Today 07:30, 203, internal, 90 s, sales, office; evaluated. */
  private static NewRecording r3;

  /** Yesterday 10:00, 201. */
  private static NewRecording yesterday;

  /** Tuesday last week, 201. */
  private static NewRecording lastWeek;

  /** 2 November (this month, not this week), 201. */
  private static NewRecording thisMonth;

  /** 15 October (last month), 201. */
  private static NewRecording lastMonth;

  private static Api superUser;

  @BeforeAll
  static void seed() {
    ADMIN.clock().set(at(2026, 11, 25, 20, 0));
    tenant = ADMIN.seed().tenant("Sök AB");
    var org = new OrganisationRepository(ADMIN.dsl());
    sales = ADMIN.seed().department(tenant, "Sälj").id();
    support = ADMIN.seed().department(tenant, "Support").id();
    district = org.createOrgUnit(tenant, OrgUnitKind.DISTRICT, "Norr").id();
    costCentre = org.createOrgUnit(tenant, OrgUnitKind.COST_CENTRE, "K1").id();
    office = org.createOrgUnit(tenant, OrgUnitKind.OFFICE, "Kontoret").id();
    Calls calls = new Calls(ADMIN.dsl(), ADMIN.audio());
    r1 =
        calls
            .call(tenant, "201", at(2026, 11, 25, 9, 0))
            .user("Anna Andersson")
            .remote("+46701111111")
            .length(Duration.ofSeconds(30))
            .department(sales)
            .district(district)
            .archive();
    r2 =
        calls
            .call(tenant, "202", at(2026, 11, 25, 18, 30))
            .direction(Direction.INCOMING)
            .remote("+46812345678")
            .ddi("+46855550000")
            .length(Duration.ofMinutes(5))
            .department(support)
            .costCentre(costCentre)
            .office(office)
            .archive();
    r3 =
        calls
            .call(tenant, "203", at(2026, 11, 25, 7, 30))
            .direction(Direction.INTERNAL)
            .remote("201")
            .length(Duration.ofSeconds(90))
            .department(sales)
            .office(office)
            .archive();
    yesterday = calls.call(tenant, "201", at(2026, 11, 24, 10, 0)).archive();
    lastWeek = calls.call(tenant, "201", at(2026, 11, 17, 10, 0)).archive();
    thisMonth = calls.call(tenant, "201", at(2026, 11, 2, 10, 0)).archive();
    lastMonth = calls.call(tenant, "201", at(2026, 10, 15, 10, 0)).archive();
    var notes = new NoteRepository(ADMIN.dsl());
    UUID by = UUID.randomUUID();
    notes.save(
        tenant,
        r1.id(),
        new Note(Optional.empty(), Optional.empty(), Flag.RED, Optional.of("Upsell offered")),
        by,
        Instant.now());
    notes.save(
        tenant,
        r2.id(),
        new Note(Optional.empty(), Optional.empty(), Flag.GREEN, Optional.empty()),
        by,
        Instant.now());
    var evaluation = new EvaluationRepository(ADMIN.dsl());
    UUID question = evaluation.addQuestion(tenant, "Greeted?").id();
    evaluation.saveAnswers(tenant, r3.id(), Map.of(question, "yes"), by, Instant.now());
    superUser = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
  }

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(STOCKHOLM).toInstant();
  }

  private static List<UUID> find(String query) {
    return find(superUser, query);
  }

  private static List<UUID> find(Api api, String query) {
    Api.Response r = api.get("/api/v1/recordings" + (query.isEmpty() ? "" : "?" + query));
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    List<UUID> ids = new ArrayList<>();
    r.json().path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
    assertThat(r.json().path("count").asLong()).isEqualTo(ids.size());
    return ids;
  }

  private static List<UUID> ids(NewRecording... recordings) {
    return java.util.Arrays.stream(recordings).map(NewRecording::id).toList();
  }

  @Test
  void todaysRecordingsNewestFirstByDefault() {
    Api.Response r = superUser.get("/api/v1/recordings");

    assertThat(find("")).containsExactlyElementsOf(ids(r2, r1, r3));
    assertThat(r.json().path("limit").asInt()).isEqualTo(1000);
    assertThat(r.json().path("truncated").asBoolean()).isFalse();
    assertThat(r.json().path("from").asText()).isEqualTo(at(2026, 11, 25, 0, 0).toString());
  }

  @Test
  void aRowHasTheColumnsOfTheListAndTheQualityFlags() {
    Api.Response r = superUser.get("/api/v1/recordings?extension=202");
    JsonNode row = r.json().path("items").get(0);

    assertThat(row.path("date").asText()).isEqualTo("2026-11-25");
    assertThat(row.path("time").asText()).isEqualTo("18:30:00");
    assertThat(row.path("extension").asText()).isEqualTo("202");
    assertThat(row.path("remoteNumber").asText()).isEqualTo("+46812345678");
    assertThat(row.path("ddi").asText()).isEqualTo("+46855550000");
    assertThat(row.path("direction").asText()).isEqualTo("INCOMING");
    assertThat(row.path("durationMs").asLong()).isEqualTo(300_000);
    assertThat(row.path("flag").asText()).isEqualTo("GREEN");
    assertThat(row.path("evaluated").asBoolean()).isFalse();
    assertThat(row.path("oneWayAudio").asBoolean()).isFalse();
    assertThat(row.path("gaps").asBoolean()).isFalse();
    assertThat(row.path("expiresOn").asText()).isEqualTo("2099-01-01");
  }

  @Test
  void eachNamedPeriod() {
    assertThat(find("period=today")).containsExactlyElementsOf(ids(r2, r1, r3));
    assertThat(find("period=yesterday")).containsExactlyElementsOf(ids(yesterday));
    assertThat(find("period=this-week")).containsExactlyElementsOf(ids(r2, r1, r3, yesterday));
    assertThat(find("period=last-week")).containsExactlyElementsOf(ids(lastWeek));
    assertThat(find("period=last-seven-days"))
        .containsExactlyElementsOf(ids(r2, r1, r3, yesterday));
    assertThat(find("period=this-month"))
        .containsExactlyElementsOf(ids(r2, r1, r3, yesterday, lastWeek, thisMonth));
    assertThat(find("period=last-month")).containsExactlyElementsOf(ids(lastMonth));
  }

  @Test
  void aCustomPeriodOfDaysOrLocalTimes() {
    assertThat(find("period=custom&from=2026-11-17&to=2026-11-24"))
        .containsExactlyElementsOf(ids(yesterday, lastWeek));
    assertThat(find("from=2026-10-01&to=2026-11-02"))
        .as("from and to alone mean a custom period")
        .containsExactlyElementsOf(ids(thisMonth, lastMonth));
    assertThat(find("from=2026-11-25T08:00&to=2026-11-25T18:00"))
        .containsExactlyElementsOf(ids(r1));
  }

  @Test
  void timeOfDayAndOfficeHours() {
    assertThat(find("timeFrom=08:00&timeTo=12:00")).containsExactlyElementsOf(ids(r1));
    assertThat(find("timeFrom=09:00")).containsExactlyElementsOf(ids(r2, r1));
    assertThat(find("officeHours=inside")).containsExactlyElementsOf(ids(r1));
    assertThat(find("officeHours=outside")).containsExactlyElementsOf(ids(r2, r3));
  }

  @Test
  void extensionAndTheRecordedUsersOrganisation() {
    assertThat(find("extension=201")).containsExactlyElementsOf(ids(r1));
    assertThat(find("department=" + sales)).containsExactlyElementsOf(ids(r1, r3));
    assertThat(find("department=" + sales + "&department=" + support))
        .containsExactlyElementsOf(ids(r2, r1, r3));
    assertThat(find("district=" + district)).containsExactlyElementsOf(ids(r1));
    assertThat(find("costCentre=" + costCentre)).containsExactlyElementsOf(ids(r2));
    assertThat(find("office=" + office)).containsExactlyElementsOf(ids(r2, r3));
  }

  @Test
  void remoteNumberAsTypedAndTheDirectNumberDialled() {
    assertThat(find("remoteNumber=070")).as("07... is +467...").containsExactlyElementsOf(ids(r1));
    assertThat(find("remoteNumber=%2B468")).containsExactlyElementsOf(ids(r2));
    assertThat(find("remoteNumber=0046812")).containsExactlyElementsOf(ids(r2));
    assertThat(find("remoteNumber=20")).as("an internal number").containsExactlyElementsOf(ids(r3));
    assertThat(find("ddi=08-555%2050000")).containsExactlyElementsOf(ids(r2));
    assertThat(find("ddi=%2B46855550000")).containsExactlyElementsOf(ids(r2));
  }

  @Test
  void durationDirectionTagFlagAndEvaluation() {
    assertThat(find("minDuration=60")).containsExactlyElementsOf(ids(r2, r3));
    assertThat(find("maxDuration=60")).containsExactlyElementsOf(ids(r1));
    assertThat(find("minDuration=60&maxDuration=120")).containsExactlyElementsOf(ids(r3));
    assertThat(find("direction=incoming")).containsExactlyElementsOf(ids(r2));
    assertThat(find("direction=incoming,internal")).containsExactlyElementsOf(ids(r2, r3));
    assertThat(find("direction=outgoing")).containsExactlyElementsOf(ids(r1));
    assertThat(find("tag=upsell")).containsExactlyElementsOf(ids(r1));
    assertThat(find("flag=red")).containsExactlyElementsOf(ids(r1));
    assertThat(find("flag=none")).containsExactlyElementsOf(ids(r3));
    assertThat(find("flag=red&flag=green")).containsExactlyElementsOf(ids(r2, r1));
    assertThat(find("evaluated=true")).containsExactlyElementsOf(ids(r3));
    assertThat(find("evaluated=false")).containsExactlyElementsOf(ids(r2, r1));
  }

  @Test
  void filtersCombine() {
    assertThat(find("department=" + sales + "&direction=outgoing&officeHours=inside"))
        .containsExactlyElementsOf(ids(r1));
    assertThat(find("department=" + sales + "&direction=outgoing&officeHours=outside")).isEmpty();
    assertThat(find("period=this-month&extension=201&flag=none"))
        .containsExactlyElementsOf(ids(yesterday, lastWeek, thisMonth));
    assertThat(find("period=this-month&extension=201&flag=red&tag=UPSELL&maxDuration=30"))
        .containsExactlyElementsOf(ids(r1));
    assertThat(find("office=" + office + "&evaluated=true&minDuration=90&direction=internal"))
        .containsExactlyElementsOf(ids(r3));
  }

  @Test
  void sortedByAColumnEitherWay() {
    assertThat(find("sort=duration&order=asc")).containsExactlyElementsOf(ids(r1, r3, r2));
    assertThat(find("sort=duration")).containsExactlyElementsOf(ids(r2, r3, r1));
    assertThat(find("sort=extension&order=asc")).containsExactlyElementsOf(ids(r1, r2, r3));
    assertThat(find("sort=start&order=asc")).containsExactlyElementsOf(ids(r3, r1, r2));
  }

  @Test
  void aLimitCutsTheListAndSaysSo() {
    Api.Response two = superUser.get("/api/v1/recordings?limit=2");

    assertThat(two.json().path("items").size()).isEqualTo(2);
    assertThat(two.json().path("truncated").asBoolean()).isTrue();
    assertThat(find("limit=3")).hasSize(3);
    assertThat(superUser.get("/api/v1/recordings?limit=3").json().path("truncated").asBoolean())
        .isFalse();
  }

  @Test
  void thousandRowsByDefaultAndEveryRowWithLimitZero() {
    TenantId bulk = ADMIN.seed().tenant("Mycket AB");
    var recordings = new RecordingRepository(ADMIN.dsl());
    Instant day = at(2026, 9, 10, 8, 0);
    for (int i = 0; i < 1001; i++) {
      recordings.insert(bulk, Recordings.recording("300", day.plusSeconds(i)));
    }
    Api api = ADMIN.as(ADMIN.seed().login(bulk, LoginRole.SUPER).email());
    String september = "from=2026-09-10&to=2026-09-10";

    Api.Response byDefault = api.get("/api/v1/recordings?" + september);
    Api.Response all = api.get("/api/v1/recordings?limit=0&" + september);

    assertThat(byDefault.json().path("items").size()).isEqualTo(1000);
    assertThat(byDefault.json().path("truncated").asBoolean()).isTrue();
    assertThat(all.json().path("items").size()).isEqualTo(1001);
    assertThat(all.json().path("count").asInt()).isEqualTo(1001);
    assertThat(all.json().path("truncated").asBoolean()).isFalse();
    assertThat(all.header("Content-Length")).as("streamed, not sized in advance").isNull();
  }

  @Test
  void aMyConsoleUserSeesOnlyTheirOwnExtension() {
    UUID user = new UserRepository(ADMIN.dsl()).create(tenant, UserData.of("Anna", "201")).id();
    Api own =
        ADMIN.as(
            ADMIN
                .seed()
                .login(tenant, LoginRole.MY_CONSOLE, Permissions.ALL, Set.of(), Optional.of(user))
                .email());
    Api unlinked = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.MY_CONSOLE).email());

    assertThat(find(own, "")).containsExactlyElementsOf(ids(r1));
    assertThat(find(own, "extension=202")).isEmpty();
    assertThat(find(unlinked, "")).as("a login without a directory user sees nothing").isEmpty();
  }

  @Test
  void aRestrictedUserSeesTheirDepartmentsOnly() {
    Api restricted =
        ADMIN.as(
            ADMIN
                .seed()
                .login(tenant, LoginRole.RESTRICTED, Permissions.LISTEN_ONLY, Set.of(support))
                .email());

    assertThat(find(restricted, "")).containsExactlyElementsOf(ids(r2));
    assertThat(find(restricted, "department=" + sales)).isEmpty();
  }

  @Test
  void anotherTenantsSuperUserSeesNoneOfThem() {
    TenantId other = ADMIN.seed().tenant("Annat AB");
    Api api = ADMIN.as(ADMIN.seed().login(other, LoginRole.SUPER).email());

    assertThat(find(api, "period=this-month&limit=0")).isEmpty();
  }

  @Test
  void everyWrongFilterIsNamedInOne400() {
    Api.Response r =
        superUser.get(
            "/api/v1/recordings?period=fortnight&flag=purple&limit=-1&timeFrom=25:00"
                + "&department=sales&evaluated=maybe&directon=incoming&minDuration=x");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.problem()).isEqualTo("invalid-query");
    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "period",
            "flag",
            "limit",
            "timeFrom",
            "department",
            "evaluated",
            "directon",
            "minDuration");
  }

  @Test
  void inconsistentFiltersAreExplained() {
    Map<String, String> cases =
        Map.of(
            "period=yesterday&from=2026-11-01", "period",
            "period=custom", "from",
            "from=2026-11-20&to=2026-11-10", "to",
            "from=20261120", "from",
            "timeFrom=12:00&timeTo=08:00", "timeTo",
            "minDuration=60&maxDuration=10", "maxDuration",
            "ddi=hello", "ddi",
            "remoteNumber=abc", "remoteNumber",
            "order=up", "order",
            "extension=1&extension=2", "extension");
    cases.forEach((query, field) -> {
      Api.Response r = superUser.get("/api/v1/recordings?" + query);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.json().path("errors").get(0).path("field").asText()).as(query).isEqualTo(field);
      assertThat(r.json().path("detail").asText()).as(query).isNotBlank();
    });
  }

  @Test
  void anOperatorAndAnAnonymousCallerAreRefused() {
    assertThat(ADMIN.api().get("/api/v1/recordings").status()).isEqualTo(401);
    assertThat(ADMIN.as(ADMIN.seed().operator().email()).get("/api/v1/recordings").status())
        .isEqualTo(403);
  }
}
