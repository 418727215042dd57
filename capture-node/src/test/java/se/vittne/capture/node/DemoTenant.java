package se.vittne.capture.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.Direction;
import se.vittne.policy.DirectionRule;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.Department;
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
 * A tenant as the end-to-end tests need it: a trunk from 127.0.0.1, the department Försäljning
 * recorded in and out, agents 201 and 202 in it, 203 without recording enabled, and one excluded
 * customer number.
 */
record DemoTenant(TenantId id) {
  static final PhoneNumber EXCLUDED = PhoneNumber.ofE164("+46709999999");
  static final DepartmentId SALES = new DepartmentId("Försäljning");

  static DemoTenant create(DSLContext dsl, int licences) {
    TenantId tenant = new TenantId(UUID.randomUUID());
    new TenantRepository(dsl).create(tenant, TenantSettings.defaults("Demo AB", licences));
    new TrunkRepository(dsl)
        .create(
            tenant,
            new Trunk(
                UUID.randomUUID(),
                tenant,
                "pbx",
                List.of("127.0.0.1/32"),
                Optional.empty(),
                Optional.empty(),
                true));
    Department sales =
        new OrganisationRepository(dsl).createDepartment(tenant, SALES, "Försäljning");
    UserRepository users = new UserRepository(dsl);
    users.create(tenant, agent("Pelle Persson", "201", sales, true));
    users.create(tenant, agent("Anna Andersson", "202", sales, true));
    users.create(tenant, agent("Kalle Karlsson", "203", sales, false));
    RecordingPolicy policy =
        RecordingPolicy.builder(tenant)
            .direction(Direction.INCOMING, DirectionRule.on(Set.of(SALES)))
            .direction(Direction.OUTGOING, DirectionRule.on(Set.of(SALES)))
            .excludeNumber(EXCLUDED)
            .build();
    new PolicyRepository(dsl).apply(tenant, policy, null, "test", Instant.now());
    return new DemoTenant(tenant);
  }

  private static UserData agent(String name, String extension, Department department, boolean on) {
    return new UserData(
        name,
        extension,
        Optional.empty(),
        Optional.empty(),
        Optional.of(department.id()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        on,
        UserRole.MY_CONSOLE,
        Set.of());
  }
}
