package se.vittne.admin.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.logins.LoginProvisioner;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.UserRole;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginAccess;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.login.SessionRepository;

/**
 * Keeps a directory user's login in step with the user's web role: a user given a role
 * and an e-mail address gets a login (created with a temporary password and invited, R-21); a
 * changed role changes the linked login's role; role "none" deactivates it. What to do is planned
 * before the transaction (new passwords are hashed then), and applied inside it.
 */
final class LoginSync {
  /** What a user's login needs. */
  sealed interface Plan {
    /** Nothing to do. */
    record Nothing() implements Plan {}

    /** A new login, to invite after the commit. */
    record Create(String email, LoginRole role, LoginProvisioner.Prepared prepared)
        implements Plan {}

    /** The linked login gets this role and activation. */
    record Change(UUID login, LoginRole role, boolean active) implements Plan {}

    /** The address belongs to another login; the user cannot have one. */
    record EmailInUse(String email) implements Plan {}
  }

  private final LoginProvisioner provisioner;

  LoginSync(LoginProvisioner provisioner) {
    this.provisioner = provisioner;
  }

  /**
   * Plans the login of a user.
   *
   * @param tenantLogins the tenant's logins, read once for a whole import
   * @param userId the user's ID; empty for a new user
   */
  Plan plan(
      LoginRepository logins,
      List<Login> tenantLogins,
      Optional<UUID> userId,
      Optional<String> email,
      UserRole role,
      boolean prepare) {
    Optional<Login> linked =
        userId.flatMap(
            id -> tenantLogins.stream().filter(l -> l.user().equals(Optional.of(id))).findFirst());
    if (role == UserRole.NONE) {
      return linked
          .filter(Login::active)
          .<Plan>map(l -> new Plan.Change(l.id(), l.role(), false))
          .orElse(new Plan.Nothing());
    }
    LoginRole wanted = LoginRole.valueOf(role.name());
    if (linked.isPresent()) {
      Login l = linked.get();
      return l.role() != wanted || !l.active()
          ? new Plan.Change(l.id(), wanted, true)
          : new Plan.Nothing();
    }
    if (email.isEmpty()) {
      return new Plan.Nothing();
    }
    if (logins.findByEmail(email.get()).isPresent()) {
      return new Plan.EmailInUse(email.get());
    }
    return new Plan.Create(email.get(), wanted, prepare ? provisioner.prepare() : null);
  }

  /** Carries out a plan in {@code tx}; returns the login created, if any. */
  Optional<Login> apply(
      DSLContext tx, TenantId tenant, UUID userId, Optional<UUID> department, Plan plan) {
    LoginRepository logins = new LoginRepository(tx);
    switch (plan) {
      case Plan.Nothing n -> {
        return Optional.empty();
      }
      case Plan.EmailInUse e -> throw new IllegalStateException("checked before: " + e);
      case Plan.Create c -> {
        LoginAccess access =
            new LoginAccess(
                c.role(),
                Permissions.LISTEN_ONLY,
                departments(c.role(), department, Set.of()),
                Optional.of(userId));
        return Optional.of(provisioner.create(tx, tenant, c.email(), access, "sv", c.prepared()));
      }
      case Plan.Change c -> {
        Login current = logins.find(tenant, c.login()).orElseThrow();
        LoginAccess access =
            new LoginAccess(
                c.role(),
                current.permissions(),
                departments(c.role(), department, current.departments()),
                Optional.of(userId));
        logins.updateAccess(tenant, c.login(), access);
        logins.setActive(tenant, c.login(), c.active());
        if (!c.active()) {
          new SessionRepository(tx).closeAll(tenant, c.login());
        }
        return Optional.empty();
      }
    }
  }

  private static Set<UUID> departments(
      LoginRole role, Optional<UUID> department, Set<UUID> current) {
    if (role != LoginRole.RESTRICTED) {
      return Set.of();
    }
    if (!current.isEmpty()) {
      return current;
    }
    return department.map(Set::of).orElse(Set.of());
  }
}
