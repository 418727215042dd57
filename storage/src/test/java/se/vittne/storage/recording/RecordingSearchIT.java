package se.vittne.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.Direction;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.notes.Note;
import se.vittne.storage.notes.NoteRepository;
import se.vittne.storage.recording.RecordingQuery.OfficeHoursFilter;
import se.vittne.storage.recording.RecordingQuery.Sort;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

/**
 * Every filter of R-51 alone and combined, the role scopes of R-14, sorting and limits, on a small
 * seeded archive of two tenants. The clock stands on Saturday 28 November 2026, noon UTC.
 */
class RecordingSearchIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final TenantId A = new TenantId(UUID.randomUUID());
  private static final TenantId B = new TenantId(UUID.randomUUID());
  private static final UUID SALES = UUID.randomUUID();
  private static final UUID SUPPORT = UUID.randomUUID();
  private static final UUID DISTRICT = UUID.randomUUID();
  private static final UUID COST_CENTRE = UUID.randomUUID();
  private static final UUID OFFICE = UUID.randomUUID();
  private static final PhoneNumber DDI = PhoneNumber.ofE164("+46850500000");

  private static RecordingRepository recordings;
  // Friday 09:00, Friday 18:30, Saturday 10:00, Thursday 12:00 (local), and one last month
  private static UUID r1;
  private static UUID r2;
  private static UUID r3;
  private static UUID r4;
  private static UUID r5;

  @BeforeAll
  static void seed() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(A, TenantSettings.defaults("A", 5));
    tenants.create(B, TenantSettings.defaults("B", 5));
    recordings = new RecordingRepository(POSTGRES.dsl());
    var notes = new NoteRepository(POSTGRES.dsl());
    r1 =
        add(
            A,
            "201",
            Direction.OUTGOING,
            "+46701111111",
            null,
            "2026-11-27T09:00",
            120,
            new RecordedUser(
                Optional.empty(),
                "201",
                Optional.of("Anna"),
                Optional.of(SALES),
                Optional.of(DISTRICT),
                Optional.empty(),
                Optional.empty()));
    r2 =
        add(
            A,
            "202",
            Direction.INCOMING,
            "+46702222222",
            DDI,
            "2026-11-27T18:30",
            30,
            user("202", SUPPORT));
    r3 =
        add(A, "201", Direction.INTERNAL, "203", null, "2026-11-28T10:00", 600, user("201", SALES));
    r4 =
        add(
            A,
            "203",
            Direction.OUTGOING,
            "+4670111999",
            null,
            "2026-11-26T12:00",
            300,
            new RecordedUser(
                Optional.empty(),
                "203",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(COST_CENTRE),
                Optional.of(OFFICE)));
    r5 =
        add(
            A,
            "201",
            Direction.OUTGOING,
            "+46701111111",
            null,
            "2026-10-15T09:00",
            60,
            user("201", SALES));
    // tenant B has a twin of every kind of call, which A must never see
    add(
        B,
        "201",
        Direction.OUTGOING,
        "+46701111111",
        DDI,
        "2026-11-27T09:00",
        120,
        user("201", SALES));
    add(B, "201", Direction.INTERNAL, "203", null, "2026-11-28T10:00", 600, user("201", SALES));
    UUID nobody = UUID.randomUUID();
    notes.save(
        A,
        r1,
        new Note(Optional.empty(), Optional.empty(), Flag.RED, Optional.of("Order placed")),
        nobody,
        CLOCK.instant());
    notes.save(
        A,
        r3,
        new Note(Optional.empty(), Optional.empty(), Flag.GREEN, Optional.of("complaint")),
        nobody,
        CLOCK.instant());
    POSTGRES.dsl().execute("update recording_note set evaluated = true where recording_id = ?", r1);
  }

  private static RecordedUser user(String extension, UUID department) {
    return new RecordedUser(
        Optional.empty(),
        extension,
        Optional.empty(),
        Optional.of(department),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static UUID add(
      TenantId tenant,
      String extension,
      Direction direction,
      String remote,
      PhoneNumber ddi,
      String localStart,
      int seconds,
      RecordedUser user) {
    Instant start = LocalDateTime.parse(localStart).atZone(STOCKHOLM).toInstant();
    NewRecording base = Recordings.recording(extension, start);
    NewRecording r =
        new NewRecording(
            base.id(),
            new CallInfo(
                base.call().callId(),
                base.call().sessionId(),
                direction,
                Optional.of(remote),
                Optional.ofNullable(ddi),
                Optional.empty(),
                start),
            user,
            start.plusSeconds(seconds),
            base.audio(),
            base.policy(),
            base.quality(),
            false,
            base.expiresOn());
    return recordings.insert(tenant, r).id();
  }

  private static List<UUID> search(
      RecordingScope scope, SearchPeriod period, UnaryOperator<RecordingQueryBuilder> filters) {
    RecordingQuery query =
        filters.apply(RecordingQuery.builder(period.resolve(CLOCK, STOCKHOLM))).build();
    return recordings.searchList(A, scope, query).stream().map(i -> i.recording().id()).toList();
  }

  private static List<UUID> month(UnaryOperator<RecordingQueryBuilder> filters) {
    return search(RecordingScope.wholeTenant(), SearchPeriod.THIS_MONTH, filters);
  }

  @Test
  void theDefaultListIsTodaysRecordingsOfTheTenantOnly() {
    assertThat(search(RecordingScope.wholeTenant(), SearchPeriod.TODAY, q -> q))
        .containsExactly(r3);
  }

  @Test
  void namedPeriodsFollowTheTenantsCalendar() {
    assertThat(search(RecordingScope.wholeTenant(), SearchPeriod.YESTERDAY, q -> q))
        .containsExactly(r2, r1);
    assertThat(search(RecordingScope.wholeTenant(), SearchPeriod.THIS_WEEK, q -> q))
        .containsExactly(r3, r2, r1, r4);
    assertThat(search(RecordingScope.wholeTenant(), SearchPeriod.LAST_MONTH, q -> q))
        .containsExactly(r5);
    assertThat(search(RecordingScope.wholeTenant(), SearchPeriod.LAST_WEEK, q -> q)).isEmpty();
  }

  @Test
  void timeOfDayIsLocalTime() {
    assertThat(month(q -> q.timeOfDay(LocalTime.of(8, 30), LocalTime.of(12, 0))))
        .containsExactly(r3, r1);
  }

  @Test
  void officeHoursUseTheTenantsDaysAndHours() {
    assertThat(month(q -> q.officeHours(OfficeHoursFilter.INSIDE))).containsExactly(r1, r4);
    assertThat(month(q -> q.officeHours(OfficeHoursFilter.OUTSIDE))).containsExactly(r3, r2);
  }

  @Test
  void filtersByExtensionAndOrganisation() {
    assertThat(month(q -> q.extension("201"))).containsExactly(r3, r1);
    assertThat(month(q -> q.departments(Set.of(SUPPORT)))).containsExactly(r2);
    assertThat(month(q -> q.districts(Set.of(DISTRICT)))).containsExactly(r1);
    assertThat(month(q -> q.costCentres(Set.of(COST_CENTRE)))).containsExactly(r4);
    assertThat(month(q -> q.offices(Set.of(OFFICE)))).containsExactly(r4);
  }

  @Test
  void filtersByNumbers() {
    assertThat(month(q -> q.remoteNumberPrefix("+467011"))).containsExactly(r1, r4);
    assertThat(month(q -> q.remoteNumberPrefix("+46702222222"))).containsExactly(r2);
    assertThat(month(q -> q.remoteNumberPrefix("%"))).isEmpty();
    assertThat(month(q -> q.ddi(DDI))).containsExactly(r2);
  }

  @Test
  void filtersByDurationInclusive() {
    assertThat(month(q -> q.duration(Duration.ofMinutes(1), Duration.ofMinutes(5))))
        .containsExactly(r1, r4);
  }

  @Test
  void filtersByDirection() {
    assertThat(month(q -> q.directions(Set.of(Direction.INCOMING)))).containsExactly(r2);
    assertThat(month(q -> q.directions(Set.of(Direction.INCOMING, Direction.INTERNAL))))
        .containsExactly(r3, r2);
  }

  @Test
  void filtersByTagFlagAndEvaluation() {
    assertThat(month(q -> q.tag("ORDER"))).containsExactly(r1);
    assertThat(month(q -> q.flags(Set.of(Flag.RED)))).containsExactly(r1);
    assertThat(month(q -> q.flags(Set.of(Flag.NONE)))).containsExactly(r2, r4);
    assertThat(month(q -> q.flags(Set.of(Flag.GREEN, Flag.BLUE)))).containsExactly(r3);
    assertThat(month(q -> q.evaluated(true))).containsExactly(r1);
    assertThat(month(q -> q.evaluated(false))).containsExactly(r3, r2, r4);
  }

  @Test
  void combinedFiltersMustAllHold() {
    assertThat(month(q -> q.departments(Set.of(SALES)).flags(Set.of(Flag.RED))))
        .containsExactly(r1);
    assertThat(month(q -> q.departments(Set.of(SALES)).officeHours(OfficeHoursFilter.OUTSIDE)))
        .containsExactly(r3);
    assertThat(month(q -> q.extension("201").directions(Set.of(Direction.INCOMING)))).isEmpty();
  }

  @Test
  void listRowsCarryTheNotes() {
    RecordingQuery query =
        RecordingQuery.builder(SearchPeriod.YESTERDAY.resolve(CLOCK, STOCKHOLM))
            .extension("201")
            .build();
    RecordingListItem item =
        recordings.searchList(A, RecordingScope.wholeTenant(), query).getFirst();

    assertThat(item.flag()).isEqualTo(Flag.RED);
    assertThat(item.tag()).contains("Order placed");
    assertThat(item.evaluated()).isTrue();
    assertThat(item.recording().duration()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void scopesLimitWhatALoginSees() {
    assertThat(search(RecordingScope.ownExtension("201"), SearchPeriod.THIS_MONTH, q -> q))
        .containsExactly(r3, r1);
    assertThat(search(RecordingScope.departments(Set.of(SUPPORT)), SearchPeriod.THIS_MONTH, q -> q))
        .containsExactly(r2);
    assertThat(search(RecordingScope.departments(Set.of()), SearchPeriod.THIS_MONTH, q -> q))
        .isEmpty();
    // a scope narrows filters, never widens them
    assertThat(
            search(
                RecordingScope.ownExtension("201"),
                SearchPeriod.THIS_MONTH,
                q -> q.extension("202")))
        .isEmpty();
  }

  @Test
  void sortsByAnyColumnEitherWay() {
    assertThat(month(q -> q.sort(new Sort(Sort.Column.DURATION, false))))
        .containsExactly(r2, r1, r4, r3);
    assertThat(month(q -> q.sort(new Sort(Sort.Column.START, false))))
        .containsExactly(r4, r1, r2, r3);
  }

  @Test
  void limitsCapTheRowsAndZeroStreamsThemAll() {
    assertThat(month(q -> q.limit(2))).containsExactly(r3, r2);
    List<UUID> streamed = new ArrayList<>();
    long count =
        recordings.search(
            A,
            RecordingScope.wholeTenant(),
            RecordingQuery.builder(SearchPeriod.THIS_MONTH.resolve(CLOCK, STOCKHOLM))
                .limit(0)
                .build(),
            item -> streamed.add(item.recording().id()));
    assertThat(count).isEqualTo(4);
    assertThat(streamed).containsExactly(r3, r2, r1, r4);
    assertThatThrownBy(() -> month(q -> q.limit(0))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anotherTenantsSearchNeverReturnsTheseRows() {
    RecordingQuery everything =
        RecordingQuery.builder(SearchPeriod.THIS_MONTH.resolve(CLOCK, STOCKHOLM)).limit(0).build();
    List<TenantId> tenantsSeenByB = new ArrayList<>();
    recordings.search(
        B,
        RecordingScope.wholeTenant(),
        everything,
        i -> tenantsSeenByB.add(i.recording().tenant()));

    assertThat(tenantsSeenByB).hasSize(2).containsOnly(B);
    RecordingQuery annasExtension =
        RecordingQuery.builder(SearchPeriod.THIS_MONTH.resolve(CLOCK, STOCKHOLM))
            .extension("201")
            .build();
    assertThat(recordings.searchList(B, RecordingScope.wholeTenant(), annasExtension))
        .extracting(i -> i.recording().id())
        .doesNotContain(r1, r3, r5)
        .hasSize(2);
  }

  @Test
  void theModelAppliesScopesToSingleRecordingsToo() {
    Recording anna = recordings.find(A, r1).orElseThrow();
    assertThat(RecordingScope.ownExtension("201").allows(anna)).isTrue();
    assertThat(RecordingScope.ownExtension("202").allows(anna)).isFalse();
    assertThat(RecordingScope.departments(Set.of(SALES)).allows(anna)).isTrue();
    assertThat(RecordingScope.departments(Set.of(SUPPORT)).allows(anna)).isFalse();
  }

  @Test
  void theExplainedPlanIsThatOfTheTenantsOwnSearch() {
    RecordingQuery today =
        RecordingQuery.builder(SearchPeriod.TODAY.resolve(CLOCK, STOCKHOLM)).build();

    String plan = recordings.explain(B, RecordingScope.wholeTenant(), today);

    assertThat(plan).contains(B.toString()).doesNotContain(A.toString()).contains("Execution Time");
  }
}
