package se.vittne.admin.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.GroupId;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.ApiTokenRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.policy.PolicyRepository;
import se.vittne.storage.trunk.Trunk;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * A tenant with one of everything the admin API can name by ID: department, org unit, answer group,
 * direct number, user, a login, a trunk, an API token, applied policy versions and a draft with an
 * excluded number. {@link #pathParameters()} gives a value for every path parameter of the API.
 */
public final class TenantFixture {
  public final TenantId tenant;
  public final Department department;
  public final Login superUser;
  public final Login otherLogin;
  public final Map<String, String> ids = new HashMap<>();
  public final PhoneNumber excluded;

  /** Each fixture's user has its own extension: tests compare one tenant's with another's. */
  private static final AtomicInteger EXTENSIONS = new AtomicInteger();

  public TenantFixture(
      Seed seed,
      DSLContext dsl,
      Clock clock,
      String name,
      int policyVersions,
      String excludedNumber) {
    tenant = seed.tenant(name);
    department = seed.department(tenant, "Sälj");
    superUser = seed.login(tenant, LoginRole.SUPER);
    otherLogin = seed.login(tenant, LoginRole.MY_CONSOLE, Permissions.LISTEN_ONLY, Set.of());
    OrganisationRepository org = new OrganisationRepository(dsl);
    NumberRepository numbers = new NumberRepository(dsl);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    ids.put("tenantId", tenant.toString());
    ids.put("departmentId", department.id().toString());
    ids.put(
        "orgUnitId",
        org.createOrgUnit(tenant, OrgUnitKind.OFFICE, "Kontor " + suffix).id().toString());
    ids.put(
        "groupId",
        numbers
            .createGroup(tenant, new GroupId("group-" + suffix), "Grupp", Optional.empty())
            .id()
            .toString());
    ids.put(
        "numberId",
        numbers
            .createDirectNumber(
                tenant,
                PhoneNumber.ofE164("+468" + (1000000 + Math.abs(suffix.hashCode() % 8999999))),
                "DDI")
            .id()
            .toString());
    ids.put(
        "userId",
        new UserRepository(dsl)
            .create(tenant, UserData.of("Användare", "1" + (10000 + EXTENSIONS.incrementAndGet())))
            .id()
            .toString());
    ids.put("loginId", otherLogin.id().toString());
    Trunk trunk =
        new Trunk(
            UUID.randomUUID(),
            tenant,
            "Trunk " + suffix,
            List.of("192.0.2.0/24"),
            Optional.empty(),
            Optional.empty(),
            true);
    new TrunkRepository(dsl).create(tenant, trunk);
    ids.put("trunkId", trunk.id().toString());
    ids.put(
        "tokenId",
        new ApiTokenRepository(dsl)
            .issue(
                tenant,
                superUser.id(),
                "token",
                Set.of("directory:read"),
                Optional.empty(),
                clock.instant())
            .token()
            .id()
            .toString());
    PolicyRepository policies = new PolicyRepository(dsl);
    for (int i = 0; i < policyVersions; i++) {
      policies.apply(
          tenant,
          RecordingPolicy.builder(tenant)
              .direction(
                  se.vittne.policy.Direction.OUTGOING,
                  se.vittne.policy.DirectionRule.on(Set.of(department.key())))
              .paused(i % 2 == 1)
              .build(),
          superUser.id(),
          superUser.email(),
          clock.instant().plus(Duration.ofSeconds(i)));
    }
    excluded = PhoneNumber.ofE164(excludedNumber);
    policies.saveDraft(
        tenant,
        policies.applied(tenant).toBuilder()
            .excludeNumber(excluded)
            .approveDirectNumber(PhoneNumber.ofE164("+4681111111"))
            .build(),
        superUser.id(),
        clock.instant());
    ids.put("version", Integer.toString(policyVersions));
    ids.put("number", excluded.e164());
    ids.put("direction", "outgoing");
  }

  /** The value of every path parameter, for this tenant. */
  public Map<String, String> pathParameters() {
    return Map.copyOf(ids);
  }

  /** Path parameters that name nothing at all. */
  public static Map<String, String> nonexistent() {
    Map<String, String> none = new HashMap<>();
    for (String name :
        List.of(
            "tenantId",
            "departmentId",
            "orgUnitId",
            "groupId",
            "numberId",
            "userId",
            "loginId",
            "trunkId",
            "tokenId",
            "recordingId",
            "sessionId",
            "shareId",
            "deletionId",
            "categoryId",
            "questionId")) {
      none.put(name, UUID.randomUUID().toString());
    }
    none.put("token", se.vittne.storage.login.SecretTokens.newToken());
    none.put("version", "9999");
    none.put("number", "+46700000001");
    none.put("direction", "outgoing");
    return none;
  }

  /** The route's path with its parameters filled in. */
  public static String fill(String path, Map<String, String> values) {
    String filled = path;
    for (Map.Entry<String, String> e : values.entrySet()) {
      filled = filled.replace("{" + e.getKey() + "}", e.getValue());
    }
    if (filled.contains("{")) {
      throw new IllegalArgumentException("no value for a parameter of " + path);
    }
    return filled;
  }

  /** The department's key, as policies name it. */
  public DepartmentId departmentKey() {
    return department.key();
  }
}
