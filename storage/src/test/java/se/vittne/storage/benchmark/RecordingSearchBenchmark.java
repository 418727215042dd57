package se.vittne.storage.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import se.vittne.policy.TenantId;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.EmbeddedPostgresServer;
import se.vittne.storage.recording.Flag;
import se.vittne.storage.recording.RecordingQuery;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.RecordingScope;
import se.vittne.storage.recording.SearchPeriod;

/**
 * Fills an embedded PostgreSQL with recordings spread over the last year across many tenants, then
 * times the typical searches of R-51 end to end through {@link RecordingRepository} (SQL, JDBC
 * fetch and mapping to records) and prints p50/p95/p99 per search as a Markdown table.
 *
 * <p>Arguments: recordings (default 1,000,000), tenants (default 100), iterations per search
 * (default 300).
 */
public final class RecordingSearchBenchmark {
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final int DEPARTMENTS = 5;
  private static final int USERS = 50;

  private record Planned(TenantId tenant, RecordingScope scope, RecordingQuery query) {}

  private record Search(String name, Function<Random, Planned> plan) {}

  private final DSLContext dsl;
  private final RecordingRepository recordings;
  private final List<TenantId> tenants = new ArrayList<>();
  private final java.util.Map<TenantId, List<UUID>> departments = new java.util.HashMap<>();
  private final java.util.Map<TenantId, List<String>> numbers = new java.util.HashMap<>();
  private final Clock clock = Clock.systemUTC();

  private RecordingSearchBenchmark(Database database) {
    this.dsl = database.dsl();
    this.recordings = new RecordingRepository(dsl);
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int tenantCount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startThrowaway()) {
      server.createDatabase("bench", null);
      try (Database database = Database.connect(config(server))) {
        database.migrate();
        var benchmark = new RecordingSearchBenchmark(database);
        long start = System.nanoTime();
        benchmark.fill(count, tenantCount);
        System.out.printf(
            "Filled %,d recordings across %d tenants in %d s%n%n",
            count, tenantCount, Duration.ofNanos(System.nanoTime() - start).toSeconds());
        benchmark.run(iterations);
      }
    }
  }

  private static se.vittne.storage.db.DatabaseConfig config(EmbeddedPostgresServer server) {
    var base = server.config("bench", 4);
    String extra = System.getProperty("benchmark.jdbc", "");
    return new se.vittne.storage.db.DatabaseConfig(
        base.jdbcUrl() + extra, base.user(), base.password(), base.poolSize());
  }

  /** Generates the rows inside PostgreSQL, 100,000 at a time; seeded, so runs are comparable. */
  private void fill(int count, int tenantCount) {
    dsl.execute("select setseed(0.42)");
    dsl.execute(
        "insert into tenant (id, name, licence_count) select gen_random_uuid(), 'Tenant ' || n, 50"
            + " from generate_series(1, ?) n",
        tenantCount);
    dsl.execute(
        "create table bench_tenant as select row_number() over (order by id) - 1 as n, id from tenant");
    dsl.execute(
        "insert into department (id, tenant_id, key, name) select gen_random_uuid(), t.id,"
            + " 'dept-' || k, 'Department ' || k from bench_tenant t, generate_series(0, ?) k",
        DEPARTMENTS - 1);
    dsl.execute(
        "create table bench_department as select t.n, (regexp_replace(d.key, '\\D', '', 'g'))::int"
            + " as k, d.id from department d join bench_tenant t on t.id = d.tenant_id");
    for (int from = 0; from < count; from += 100_000) {
      insertBatch(from, Math.min(count, from + 100_000), tenantCount);
      System.out.printf("  %,d rows%n", Math.min(count, from + 100_000));
    }
    // about one recording in five gets notes, a third of those a red flag
    dsl.execute(
        "insert into recording_note (recording_id, tenant_id, flag, tag, evaluated, updated_at)"
            + " select id, tenant_id, (array['RED','GREEN','BLUE'])[1 + floor(random() * 3)::int],"
            + " case when random() < 0.5 then 'tag ' || floor(random() * 20)::int end,"
            + " random() < 0.5, now() from recording where random() < 0.2");
    dsl.execute("vacuum analyze");
    tenants.addAll(dsl.fetch("select id from tenant").map(r -> new TenantId(r.get(0, UUID.class))));
  }

  private void insertBatch(int from, int to, int tenantCount) {
    dsl.execute(
        "insert into recording (id, tenant_id, call_id, session_id, direction, extension, user_name,"
            + " department_id, remote_number, ddi, start_time, end_time, duration_ms, codecs,"
            + " channels, sample_rate, store_key, size_bytes, sha256, rule, explanation_sv,"
            + " explanation_en, policy_version, expires_on)"
            + " select gen_random_uuid(), t.id, 'call-' || g, 'session-' || g,"
            + " (array['INCOMING','OUTGOING','INTERNAL'])[1 + g % 3], (100 + (g / ?) % ?)::text,"
            + " 'User ' || (g / ?) % ?, d.id,"
            + " '+4670' || lpad(((g::bigint * 7919) % 200000)::text, 7, '0'),"
            + " case when g % 4 = 0 then '+4685050' || lpad((g % 100)::text, 4, '0') end,"
            + " s.start, s.start + s.length, extract(epoch from s.length)::bigint * 1000,"
            + " 'PCMA', 2, 8000, 'key/' || g, 1000000, repeat('0', 64), 'DEPARTMENT_POLICY',"
            + " 'sv', 'en', 1, (s.start + interval '90 days')::date"
            + " from generate_series(?, ?) g"
            + " join bench_tenant t on t.n = g % ?"
            + " join bench_department d on d.n = t.n and d.k = (g / ?) % ?"
            + " cross join lateral (select now() - random() * interval '365 days' as start,"
            + " (10 + random() * 1200) * interval '1 second' as length, g as dep) s",
        tenantCount,
        USERS,
        tenantCount,
        USERS,
        from,
        to - 1,
        tenantCount,
        tenantCount,
        DEPARTMENTS);
  }

  private TenantId tenant(Random random) {
    return tenants.get(random.nextInt(tenants.size()));
  }

  private UUID department(TenantId tenant, int k) {
    return departments.get(tenant).get(k);
  }

  private String someRemoteNumber(TenantId tenant, Random random) {
    List<String> known = numbers.get(tenant);
    return known.get(random.nextInt(known.size()));
  }

  /** Looked up before timing, so that only the searches themselves are measured. */
  private void prepareLookups() {
    for (TenantId t : tenants) {
      departments.put(
          t,
          dsl.fetch("select id from department where tenant_id = ? order by key", t.value())
              .map(r -> r.get(0, UUID.class)));
      numbers.put(
          t,
          dsl.fetch("select remote_number from recording where tenant_id = ? limit 200", t.value())
              .map(r -> r.get(0, String.class)));
    }
  }

  private long execute(Planned p) {
    return recordings.search(p.tenant(), p.scope(), p.query(), item -> {});
  }

  private List<Search> searches() {
    return List.of(
        new Search(
            "Today's list (R-50 default), whole tenant",
            r ->
                new Planned(
                    tenant(r),
                    RecordingScope.wholeTenant(),
                    RecordingQuery.builder(SearchPeriod.TODAY.resolve(clock, ZONE)).build())),
        new Search(
            "This month, one department, red flag",
            r -> {
              TenantId t = tenant(r);
              return new Planned(
                  t,
                  RecordingScope.wholeTenant(),
                  RecordingQuery.builder(SearchPeriod.THIS_MONTH.resolve(clock, ZONE))
                      .departments(Set.of(department(t, r.nextInt(DEPARTMENTS))))
                      .flags(Set.of(Flag.RED))
                      .build());
            }),
        new Search(
            "Remote number, last 365 days",
            r -> {
              TenantId t = tenant(r);
              Instant now = clock.instant();
              return new Planned(
                  t,
                  RecordingScope.wholeTenant(),
                  RecordingQuery.builder(
                          new SearchPeriod.Interval(now.minus(Duration.ofDays(365)), now))
                      .remoteNumberPrefix(someRemoteNumber(t, r))
                      .build());
            }),
        new Search(
            "Restricted user (2 departments), last 7 days",
            r -> {
              TenantId t = tenant(r);
              return new Planned(
                  t,
                  RecordingScope.departments(Set.of(department(t, 0), department(t, 1))),
                  RecordingQuery.builder(SearchPeriod.LAST_SEVEN_DAYS.resolve(clock, ZONE))
                      .build());
            }),
        new Search(
            "My Console user, own extension, this month",
            r ->
                new Planned(
                    tenant(r),
                    RecordingScope.ownExtension(Integer.toString(100 + r.nextInt(USERS))),
                    RecordingQuery.builder(SearchPeriod.THIS_MONTH.resolve(clock, ZONE)).build())),
        new Search(
            "Last month, outside office hours, incoming, > 5 min",
            r ->
                new Planned(
                    tenant(r),
                    RecordingScope.wholeTenant(),
                    RecordingQuery.builder(SearchPeriod.LAST_MONTH.resolve(clock, ZONE))
                        .officeHours(RecordingQuery.OfficeHoursFilter.OUTSIDE)
                        .directions(Set.of(se.vittne.policy.Direction.INCOMING))
                        .duration(Duration.ofMinutes(5), null)
                        .build())));
  }

  private void run(int iterations) {
    prepareLookups();
    // warm every path (JIT, plans, caches) before any is measured
    Random warm = new Random(3);
    for (int i = 0; i < iterations; i++) {
      for (Search s : searches()) {
        execute(s.plan().apply(warm));
      }
    }
    System.out.println("| Search | rows (mean) | p50 ms | p95 ms | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    row(
        "Baseline: one round trip (`select 1`), for scale",
        iterations,
        r -> {
          dsl.fetchSingle("select 1");
          return 1L;
        });
    for (Search s : searches()) {
      row(s.name(), iterations, r -> execute(s.plan().apply(r)));
    }
    System.out.println();
    for (Search s : searches()) {
      Planned p = s.plan().apply(new Random(11));
      System.out.println("### " + s.name());
      System.out.println("```");
      System.out.println(recordings.explain(p.tenant(), p.scope(), p.query()));
      System.out.println("```");
    }
  }

  private static void row(String name, int iterations, Function<Random, Long> run) {
    Random random = new Random(7);
    for (int i = 0; i < Math.max(50, iterations / 2); i++) {
      run.apply(random); // warm-up: JIT, plans, cache
    }
    long[] nanos = new long[iterations];
    long rows = 0;
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      rows += run.apply(random);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "| %s | %.0f | %.1f | %.1f | %.1f | %.1f |%n",
        name,
        (double) rows / iterations,
        millis(nanos, 0.50),
        millis(nanos, 0.95),
        millis(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6);
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }
}
