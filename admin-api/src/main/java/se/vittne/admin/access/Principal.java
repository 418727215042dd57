package se.vittne.admin.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;

/**
 * The login a request acts as, with everything the permission check needs, read once per request.
 *
 * @param login the login's ID
 * @param tenant its tenant; empty for operators
 * @param email its address, which the audit log names it by
 * @param role its role
 * @param flags may listen / download / e-mail
 * @param departments the departments a restricted user listens to
 * @param user the directory user it is, for "own recordings"
 * @param language "sv" or "en"
 * @param credential how it authenticated
 * @param pending steps it must take before anything else
 */
public record Principal(
    UUID login,
    Optional<TenantId> tenant,
    String email,
    LoginRole role,
    Permissions flags,
    Set<UUID> departments,
    Optional<UUID> user,
    String language,
    Credential credential,
    Set<PendingStep> pending) {
  public Principal {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(flags, "flags");
    departments = Set.copyOf(departments);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(credential, "credential");
    pending = pending.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pending));
    if ((role == LoginRole.OPERATOR) != tenant.isEmpty()) {
      throw new IllegalArgumentException("operators, and only operators, belong to no tenant");
    }
  }

  public boolean operator() {
    return role == LoginRole.OPERATOR;
  }

  /**
   * The tenant a tenant's login acts in. Only call it behind a permission that operators do not
   * have; for an operator it is a programming error.
   */
  public TenantId tenantId() {
    return tenant.orElseThrow(() -> new IllegalStateException("an operator has no tenant"));
  }

  public boolean viaSession() {
    return credential instanceof Credential.Session;
  }

  /** The CSRF token of the session, if it authenticated by session cookie. */
  public Optional<String> csrfToken() {
    return credential instanceof Credential.Session s
        ? Optional.of(s.csrfToken())
        : Optional.empty();
  }
}
