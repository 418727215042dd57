package se.vittne.deploy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.auth.PasswordHasher;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginAccess;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;

/**
 * The demo's web logins: a super user and Pelle (201) as a My Console user, both with the demo
 * password. Only {@code vittne demo} creates them, on a database bound to 127.0.0.1.
 */
final class DemoLogins {
  static final String SUPER_USER = "admin@demo.vittne.se";
  static final String MY_CONSOLE_USER = "pelle@demo.vittne.se";
  static final String PASSWORD = "Vittne-demo-2026";

  private DemoLogins() {}

  static void ensure(DSLContext dsl, TenantId tenant, MeterRegistry registry) {
    LoginRepository logins = new LoginRepository(dsl);
    PasswordHasher hasher = new PasswordHasher(registry);
    Optional<UUID> pelle =
        new UserRepository(dsl).byExtension(tenant, "201").map(DirectoryUser::id);
    ensure(
        logins,
        hasher,
        tenant,
        SUPER_USER,
        new LoginAccess(LoginRole.SUPER, Permissions.ALL, Set.of(), Optional.empty()));
    ensure(
        logins,
        hasher,
        tenant,
        MY_CONSOLE_USER,
        new LoginAccess(LoginRole.MY_CONSOLE, Permissions.ALL, Set.of(), pelle));
  }

  private static void ensure(
      LoginRepository logins,
      PasswordHasher hasher,
      TenantId tenant,
      String email,
      LoginAccess access) {
    if (logins.findByEmail(email).isPresent()) {
      return;
    }
    Login login = logins.create(tenant, email, access, "sv");
    logins.setPassword(tenant, login.id(), hasher.hash(PASSWORD), false, Instant.now());
  }
}
