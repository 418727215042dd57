package se.vittne.storage.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.Direction;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.GroupId;
import se.vittne.policy.GroupPolicy;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.AnswerGroup;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.directory.UserRole;
import se.vittne.storage.policy.PolicyRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.trunk.Trunk;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * Demo AB: a trunk from the local machine; Försäljning (sales) recorded in and out, internal calls
 * not; agents 201 Pelle and 202 Anna in Försäljning, 203 Kalle there without recording enabled, 301
 * Sara in Kundservice; the answer group Kundtjänst always recorded; the excluded number {@value
 * #EXCLUDED_NUMBER}.
 */
public final class DemoCompany {
  public static final TenantId DEMO_TENANT =
      new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000de70"));
  public static final String EXCLUDED_NUMBER = "+46709999999";
  public static final DepartmentId SALES = new DepartmentId("Försäljning");
  public static final DepartmentId SERVICE = new DepartmentId("Kundservice");
  public static final GroupId SERVICE_GROUP = new GroupId("Kundtjänst");

  private DemoCompany() {}

  /** The local machine, which the demo's PBX trunk is. */
  public static final List<String> LOCAL_MACHINE = List.of("127.0.0.1/32", "::1/128");

  /** Creates the demo company under this ID unless it exists. */
  public static TenantId ensure(DSLContext dsl, TenantId tenant, int licences) {
    if (new TenantRepository(dsl).find(tenant).isPresent()) {
      return tenant;
    }
    return dsl.transactionResult(c -> create(c.dsl(), tenant, licences, LOCAL_MACHINE));
  }

  /**
   * Creates a demo company under a new ID, for a test, whose trunk sends from the given networks
   * (tests sharing a database give each company its own loopback address).
   */
  public static TenantId create(DSLContext dsl, int licences, String... trunkSources) {
    return create(dsl, new TenantId(UUID.randomUUID()), licences, List.of(trunkSources));
  }

  private static TenantId create(
      DSLContext dsl, TenantId tenant, int licences, List<String> trunkSources) {
    new TenantRepository(dsl).create(tenant, TenantSettings.defaults("Demo AB", licences));
    new TrunkRepository(dsl)
        .create(
            tenant,
            new Trunk(
                UUID.randomUUID(),
                tenant,
                "Local PBX",
                trunkSources,
                Optional.empty(),
                Optional.empty(),
                true));
    OrganisationRepository organisation = new OrganisationRepository(dsl);
    Department sales = organisation.createDepartment(tenant, SALES, "Försäljning");
    Department service = organisation.createDepartment(tenant, SERVICE, "Kundservice");
    UserRepository users = new UserRepository(dsl);
    users.create(tenant, user("Pelle Persson", "201", sales, true, "+46701110201"));
    users.create(tenant, user("Anna Andersson", "202", sales, true, "+46701110202"));
    users.create(tenant, user("Kalle Karlsson", "203", sales, false, "+46701110203"));
    users.create(tenant, user("Sara Svensson", "301", service, true, "+46701110301"));
    NumberRepository numbers = new NumberRepository(dsl);
    AnswerGroup group =
        numbers.createGroup(tenant, SERVICE_GROUP, "Kundtjänst", Optional.of("+46313031000"));
    numbers.createDirectNumber(tenant, PhoneNumber.ofE164("+46313031022"), "Försäljning direkt");
    RecordingPolicy policy =
        RecordingPolicy.builder(tenant)
            .direction(Direction.INCOMING, DirectionRule.on(Set.of(SALES)))
            .direction(Direction.OUTGOING, DirectionRule.on(Set.of(SALES)))
            .group(group.key(), GroupPolicy.ALWAYS_RECORD)
            .excludeNumber(PhoneNumber.ofE164(EXCLUDED_NUMBER))
            .build();
    new PolicyRepository(dsl).apply(tenant, policy, null, "demo", Instant.now());
    return tenant;
  }

  private static UserData user(
      String name, String extension, Department department, boolean recorded, String number) {
    return new UserData(
        name,
        extension,
        Optional.of(extension + "@demo.vittne.se"),
        Optional.empty(),
        Optional.of(department.id()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        recorded,
        UserRole.MY_CONSOLE,
        Set.of(PhoneNumber.ofE164(number)));
  }
}
