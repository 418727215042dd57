package se.vittne.admin.logins;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.vittne.admin.auth.AuthViews.Flags;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;

/** The bodies of the login endpoints. */
public final class LoginViews {
  private LoginViews() {}

  /** Where a login stands (R-57 "status"). */
  public enum Status {
    /** Created; the temporary password has not been changed yet. */
    INVITED,
    ACTIVE,
    INACTIVE
  }

  /** A login as administrators see it (never its password). */
  public record LoginView(
      UUID id,
      String email,
      LoginRole role,
      Flags permissions,
      Set<UUID> departments,
      UUID userId,
      String language,
      Status status,
      Instant passwordChangedAt,
      Instant licenceAcceptedAt) {
    public static LoginView of(Login l) {
      Status status =
          !l.active() ? Status.INACTIVE : l.mustChangePassword() ? Status.INVITED : Status.ACTIVE;
      return new LoginView(
          l.id(),
          l.email(),
          l.role(),
          Flags.of(l.permissions()),
          l.departments(),
          l.user().orElse(null),
          l.language(),
          status,
          l.passwordChangedAt().orElse(null),
          l.licenceAcceptedAt().orElse(null));
    }
  }

  /**
   * A new login. Permissions default to "may listen" only; departments are for restricted users (at
   * least one); the language defaults to Swedish.
   */
  public record NewLogin(
      String email,
      LoginRole role,
      Flags permissions,
      List<UUID> departments,
      UUID userId,
      String language) {}

  /** What an administrator changes on a login. */
  public record LoginUpdate(
      LoginRole role, Flags permissions, List<UUID> departments, UUID userId, Boolean active) {}
}
