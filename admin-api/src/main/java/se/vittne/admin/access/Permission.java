package se.vittne.admin.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;

/**
 * What an endpoint needs, API and web page alike. Each permission names the roles that hold it
 * the per-login flag it additionally needs, the API-token scope that grants it (none: only
 * a browser session may use it), and whether a login with pending first-login steps may use it.
 *
 * <p>To protect a new endpoint, pick the permission that says what it does, or add one here with
 * its roles, flag and scope: {@code AccessTest} and the permission matrix then list who may call
 * it.
 */
public enum Permission {
  /** Anyone, without logging in: logging in, forgot-password, health, the API description. */
  PUBLIC(Roles.NONE, Flag.NONE, null, true),
  /** Any logged-in login, by session or token, even with first-login steps pending. */
  SIGNED_IN(Roles.ALL, Flag.NONE, Scopes.ANY, true),
  /** One's own account in the browser: log out, change password, accept the licence, language. */
  OWN_ACCOUNT(Roles.ALL, Flag.NONE, null, true),
  /** Issue and revoke one's own API tokens; a token may never mint another. */
  OWN_API_TOKENS(Roles.TENANT, Flag.NONE, null, false),
  /** Read departments, districts, cost centres, offices, answer groups and direct numbers. */
  VIEW_ORGANISATION(
      EnumSet.of(LoginRole.SUPER, LoginRole.RESTRICTED), Flag.NONE, "directory:read", false),
  /** Read the tenant's users. */
  VIEW_DIRECTORY(EnumSet.of(LoginRole.SUPER), Flag.NONE, "directory:read", false),
  /** Change the directory: users, departments, org units, groups, numbers, CSV import. */
  MANAGE_DIRECTORY(EnumSet.of(LoginRole.SUPER), Flag.NONE, "directory:write", false),
  /** Read the tenant's logins. */
  VIEW_LOGINS(EnumSet.of(LoginRole.SUPER), Flag.NONE, "logins:read", false),
  /** Create, change, deactivate and delete the tenant's logins. */
  MANAGE_LOGINS(EnumSet.of(LoginRole.SUPER), Flag.NONE, "logins:write", false),
  /** Read the applied policy, the draft, and test calls against them. */
  VIEW_POLICY(EnumSet.of(LoginRole.SUPER), Flag.NONE, "policy:read", false),
  /** Edit, apply and cancel the policy draft (R-3x). */
  MANAGE_POLICY(EnumSet.of(LoginRole.SUPER), Flag.NONE, "policy:write", false),
  /** See the tenant's settings and licence use. */
  VIEW_TENANT(EnumSet.of(LoginRole.SUPER), Flag.NONE, "tenant:read", false),
  /** Find recordings within one's scope: own, chosen departments, or the whole tenant. */
  VIEW_RECORDINGS(Roles.TENANT, Flag.NONE, "recordings:read", false),
  /** Play recordings within one's scope: needs the "may listen" flag. */
  LISTEN_RECORDINGS(Roles.TENANT, Flag.LISTEN, "recordings:listen", false),
  /** Download recordings within one's scope: needs the "may download" flag. */
  DOWNLOAD_RECORDINGS(Roles.TENANT, Flag.DOWNLOAD, "recordings:download", false),
  /** Share recordings by e-mail within one's scope: needs the "may e-mail" flag. */
  EMAIL_RECORDINGS(Roles.TENANT, Flag.EMAIL, "recordings:email", false),
  /**
   * Note and evaluate recordings within one's scope: call result, customer response, flag,
   * tag, evaluation answers. Supervisors only: super and restricted users.
   */
  ANNOTATE_RECORDINGS(
      EnumSet.of(LoginRole.SUPER, LoginRole.RESTRICTED), Flag.NONE, "recordings:annotate", false),
  /** Read who listened to, downloaded, shared, changed or erased a recording (R-53 history). */
  VIEW_RECORDING_HISTORY(
      EnumSet.of(LoginRole.SUPER, LoginRole.RESTRICTED), Flag.NONE, "recordings:read", false),
  /** Delete recordings and change their expiry dates. */
  MANAGE_RECORDINGS(EnumSet.of(LoginRole.SUPER), Flag.NONE, "recordings:manage", false),
  /** Manage the evaluation categories and questions. */
  MANAGE_EVALUATION(EnumSet.of(LoginRole.SUPER), Flag.NONE, "evaluation:write", false),
  /** Run the installation: tenants, licences, trunks, a tenant's first logins. */
  OPERATE(EnumSet.of(LoginRole.OPERATOR), Flag.NONE, "operator", false);

  /** The per-login flags of R-14 a permission may additionally need. */
  public enum Flag {
    NONE,
    LISTEN,
    DOWNLOAD,
    EMAIL;

    boolean heldBy(Permissions flags) {
      return switch (this) {
        case NONE -> true;
        case LISTEN -> flags.mayListen();
        case DOWNLOAD -> flags.mayDownload();
        case EMAIL -> flags.mayEmail();
      };
    }
  }

  private static final class Roles {
    static final Set<LoginRole> NONE = EnumSet.noneOf(LoginRole.class);
    static final Set<LoginRole> ALL = EnumSet.allOf(LoginRole.class);
    static final Set<LoginRole> TENANT =
        EnumSet.of(LoginRole.MY_CONSOLE, LoginRole.SUPER, LoginRole.RESTRICTED);
  }

  private static final class Scopes {
    /** Any token may use it, whatever its scopes. */
    static final String ANY = "";
  }

  private final Set<LoginRole> roles;
  private final Flag flag;
  private final String scope;
  private final boolean allowedWhilePending;

  Permission(Set<LoginRole> roles, Flag flag, String scope, boolean allowedWhilePending) {
    this.roles = Set.copyOf(roles);
    this.flag = flag;
    this.scope = scope;
    this.allowedWhilePending = allowedWhilePending;
  }

  public Set<LoginRole> roles() {
    return roles;
  }

  public Flag flag() {
    return flag;
  }

  /**
   * The API-token scope that grants this permission: empty when no token may use it (browser
   * sessions only); the empty string when any token may.
   */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** Whether a login that must still change its password or accept the licence may use it. */
  public boolean allowedWhilePending() {
    return allowedWhilePending;
  }

  /** The scopes a token of a login with this role may be given: those of its permissions. */
  public static Set<String> scopesFor(LoginRole role) {
    return Arrays.stream(values())
        .filter(p -> p.roles.contains(role))
        .map(p -> p.scope)
        .filter(s -> s != null && !s.isEmpty())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Every scope some permission grants. */
  public static Set<String> allScopes() {
    return Arrays.stream(values())
        .map(p -> p.scope)
        .filter(s -> s != null && !s.isEmpty())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
