package se.vittne.admin.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.auth.PasswordHasher;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginAccess;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Puts tenants and logins straight into the database, for tests that need them as a starting point.
 * Ready logins have the password {@link #PASSWORD}, set now, and have accepted the licence.
 */
public final class Seed {
  /** The password of every seeded login; it follows the rules of R-22. */
  public static final String PASSWORD = "Correct-Horse-7";

  private static String hash;

  private final DSLContext dsl;
  private final Clock clock;

  Seed(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  private static synchronized String hash() {
    if (hash == null) {
      hash = new PasswordHasher(new SimpleMeterRegistry()).hash(PASSWORD);
    }
    return hash;
  }

  public TenantId tenant(String name) {
    TenantId id = new TenantId(UUID.randomUUID());
    new TenantRepository(dsl).create(id, TenantSettings.defaults(name, 5));
    return id;
  }

  public Department department(TenantId tenant, String name) {
    return new OrganisationRepository(dsl)
        .createDepartment(
            tenant, new DepartmentId(name.toLowerCase() + "-" + UUID.randomUUID()), name);
  }

  /** A unique address for a test's login. */
  public static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  /** A login that has set its password and accepted the licence. */
  public Login login(TenantId tenant, LoginRole role, Permissions flags, Set<UUID> departments) {
    return login(tenant, role, flags, departments, Optional.empty());
  }

  public Login login(
      TenantId tenant,
      LoginRole role,
      Permissions flags,
      Set<UUID> departments,
      Optional<UUID> user) {
    LoginRepository logins = new LoginRepository(dsl);
    Login login =
        logins.create(
            tenant,
            email(role.name().toLowerCase()),
            new LoginAccess(role, flags, departments, user),
            "en");
    logins.setPassword(tenant, login.id(), hash(), false, clock.instant());
    logins.acceptLicence(tenant, login.id(), clock.instant());
    return logins.find(tenant, login.id()).orElseThrow();
  }

  public Login login(TenantId tenant, LoginRole role) {
    return login(tenant, role, Permissions.ALL, Set.of());
  }

  /** A login that still has a temporary password and has not accepted the licence. */
  public Login pending(TenantId tenant, LoginRole role) {
    LoginRepository logins = new LoginRepository(dsl);
    Login login =
        logins.create(
            tenant,
            email("pending"),
            new LoginAccess(role, Permissions.ALL, Set.of(), Optional.empty()),
            "en");
    logins.setPassword(tenant, login.id(), hash(), true, clock.instant());
    return logins.find(tenant, login.id()).orElseThrow();
  }

  public Login operator() {
    LoginRepository logins = new LoginRepository(dsl);
    Login login = logins.createOperator(email("operator"), "en");
    logins.setOperatorPassword(login.id(), hash(), false, clock.instant());
    return logins.findOperator(login.id()).orElseThrow();
  }
}
