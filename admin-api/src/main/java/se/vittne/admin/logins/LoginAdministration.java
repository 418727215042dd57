package se.vittne.admin.logins;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.auth.AuthViews.Flags;
import se.vittne.admin.logins.LoginViews.LoginUpdate;
import se.vittne.admin.logins.LoginViews.NewLogin;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginAccess;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;
import se.vittne.storage.login.SessionRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Managing a tenant's logins, by its super users or by an operator. Every lookup is scoped
 * to the tenant: another tenant's login, department or user is "not found".
 */
public final class LoginAdministration {
  private final DSLContext dsl;
  private final LoginProvisioner provisioner;
  private final Auditor auditor;
  private final Clock clock;

  public LoginAdministration(
      DSLContext dsl, LoginProvisioner provisioner, Auditor auditor, Clock clock) {
    this.dsl = dsl;
    this.provisioner = provisioner;
    this.auditor = auditor;
    this.clock = clock;
  }

  public List<Login> list(TenantId tenant) {
    return new LoginRepository(dsl).list(tenant);
  }

  public Login get(TenantId tenant, UUID id) {
    return new LoginRepository(dsl)
        .find(tenant, id)
        .orElseThrow(() -> new ProblemException.NotFound("No such login."));
  }

  /** Creates a login and sends it the two invitation e-mails. */
  public Login create(Principal actor, ClientInfo client, TenantId tenant, NewLogin input) {
    Checks checks = new Checks();
    String email = checks.email("email", input.email());
    String language = language(checks, input.language());
    LoginAccess access =
        access(
            checks, tenant, input.role(), input.permissions(), input.departments(), input.userId());
    checks.orThrow();
    if (new LoginRepository(dsl).findByEmail(email).isPresent()) {
      throw emailInUse();
    }
    LoginProvisioner.Prepared prepared = provisioner.prepare();
    Login login =
        dsl.transactionResult(c -> {
          DSLContext tx = DSL.using(c);
          Login created = provisioner.create(tx, tenant, email, access, language, prepared);
          auditor
              .within(tx)
              .record(
                  Optional.of(tenant),
                  actor,
                  client,
                  AdminAuditActions.LOGIN_CREATED,
                  "login",
                  created.id(),
                  Map.of("email", email, "role", access.role().name()));
          return created;
        });
    provisioner.invite(login, organisation(tenant), prepared);
    return login;
  }

  public Login update(
      Principal actor, ClientInfo client, TenantId tenant, UUID id, LoginUpdate input) {
    Login current = get(tenant, id);
    Checks checks = new Checks();
    LoginAccess access =
        access(
            checks,
            tenant,
            input.role(),
            input.permissions() == null ? Flags.of(current.permissions()) : input.permissions(),
            input.departments(),
            input.userId());
    checks.orThrow();
    boolean active = input.active() == null ? current.active() : input.active();
    if (actor.login().equals(id) && (access.role() != current.role() || !active)) {
      throw new ProblemException.Conflict(
          "own-login", "Own login", "You cannot change your own role or deactivate yourself.");
    }
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      LoginRepository logins = new LoginRepository(tx);
      logins.updateAccess(tenant, id, access);
      logins.setActive(tenant, id, active);
      if (!active) {
        new SessionRepository(tx).closeAll(tenant, id);
      }
      auditor
          .within(tx)
          .record(
              Optional.of(tenant),
              actor,
              client,
              AdminAuditActions.LOGIN_UPDATED,
              "login",
              id,
              Map.of("role", access.role().name(), "active", active));
    });
    return get(tenant, id);
  }

  public void delete(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    Login login = get(tenant, id);
    if (actor.login().equals(id)) {
      throw new ProblemException.Conflict(
          "own-login", "Own login", "You cannot delete your own login.");
    }
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      new LoginRepository(tx).delete(tenant, id);
      auditor
          .within(tx)
          .record(
              Optional.of(tenant),
              actor,
              client,
              AdminAuditActions.LOGIN_DELETED,
              "login",
              id,
              Map.of("email", login.email()));
    });
  }

  /** Gives a login a new temporary password, mailed to it; its sessions end. */
  public void newTemporaryPassword(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    Login login = get(tenant, id);
    LoginProvisioner.Prepared prepared = provisioner.prepare();
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      new LoginRepository(tx).setPassword(tenant, id, prepared.hash(), true, clock.instant());
      new SessionRepository(tx).closeAll(tenant, id);
      auditor
          .within(tx)
          .record(
              Optional.of(tenant),
              actor,
              client,
              AdminAuditActions.TEMPORARY_PASSWORD_ISSUED,
              "login",
              id,
              Map.of());
    });
    provisioner.sendPassword(login, prepared);
  }

  /** The tenant's name, for the invitation e-mail. */
  public String organisation(TenantId tenant) {
    return new TenantRepository(dsl).find(tenant).map(TenantSettings::name).orElse("Vittne");
  }

  static ProblemException emailInUse() {
    return new ProblemException.Conflict(
        "email-in-use", "Address in use", "This e-mail address already has a login.");
  }

  private static String language(Checks checks, String language) {
    if (language == null || language.isBlank()) {
      return "sv";
    }
    if (!language.equals("sv") && !language.equals("en")) {
      checks.add("language", "invalid-value", "language must be sv or en.");
    }
    return language;
  }

  /** Validates a login's access against the tenant's own departments and users. */
  LoginAccess access(
      Checks checks,
      TenantId tenant,
      LoginRole role,
      Flags flags,
      List<UUID> departments,
      UUID userId) {
    if (role == null) {
      checks.add("role", "required", "role is required.");
    } else if (role == LoginRole.OPERATOR) {
      checks.add("role", "invalid-value", "A tenant's login cannot be an operator.");
    }
    List<UUID> chosen = departments == null ? List.of() : departments;
    OrganisationRepository organisation = new OrganisationRepository(dsl);
    for (int i = 0; i < chosen.size(); i++) {
      UUID department = chosen.get(i);
      if (department == null || organisation.department(tenant, department).isEmpty()) {
        checks.add("departments[" + i + "]", "unknown", "No such department.");
      }
    }
    if (role == LoginRole.RESTRICTED && chosen.isEmpty()) {
      checks.add(
          "departments", "required", "A restricted login listens to at least one department.");
    }
    if (role != null && role != LoginRole.RESTRICTED && !chosen.isEmpty()) {
      checks.add("departments", "not-allowed", "Only restricted logins have departments.");
    }
    if (userId != null && new UserRepository(dsl).find(tenant, userId).isEmpty()) {
      checks.add("userId", "unknown", "No such user.");
    }
    Flags f = flags == null ? Flags.of(Permissions.LISTEN_ONLY) : flags;
    if (!checks.ok() || role == null || role == LoginRole.OPERATOR) {
      return null;
    }
    return new LoginAccess(
        role,
        new Permissions(f.mayListen(), f.mayDownload(), f.mayEmail()),
        Set.copyOf(chosen),
        Optional.ofNullable(userId));
  }
}
