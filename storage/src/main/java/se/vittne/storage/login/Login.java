package se.vittne.storage.login;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vittne.policy.TenantId;

/**
 * A login as stored.
 *
 * @param id its ID
 * @param tenant its tenant; empty for operators
 * @param email the address it logs in with
 * @param role its role
 * @param permissions the flags of R-14 (operators: none)
 * @param departments the departments a restricted user listens to
 * @param user the directory user it is, for "own recordings"
 * @param passwordHash the password's hash (Argon2id, by the admin API); empty until one is set
 * @param passwordChangedAt when it was set, for the 100-day rule
 * @param mustChangePassword true for a temporary password
 * @param licenceAcceptedAt when the licence agreement was accepted
 * @param active whether it may log in
 * @param language the interface language, "sv" or "en"
 */
public record Login(
    UUID id,
    Optional<TenantId> tenant,
    String email,
    LoginRole role,
    Permissions permissions,
    Set<UUID> departments,
    Optional<UUID> user,
    Optional<String> passwordHash,
    Optional<Instant> passwordChangedAt,
    boolean mustChangePassword,
    Optional<Instant> licenceAcceptedAt,
    boolean active,
    String language) {
  public Login {
    departments = Set.copyOf(departments);
  }

  public boolean operator() {
    return role == LoginRole.OPERATOR;
  }
}
