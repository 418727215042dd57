package se.vittne.storage.login;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a tenant's login may reach: its role, flags, the departments a restricted user listens to,
 * and the directory user it is (for "own recordings").
 */
public record LoginAccess(
    LoginRole role, Permissions permissions, Set<UUID> departments, Optional<UUID> user) {
  public LoginAccess {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(permissions, "permissions");
    departments = Set.copyOf(departments);
    Objects.requireNonNull(user, "user");
    if (role == LoginRole.OPERATOR) {
      throw new IllegalArgumentException("operators belong to no tenant");
    }
  }
}
