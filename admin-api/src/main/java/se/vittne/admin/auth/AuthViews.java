package se.vittne.admin.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.vittne.admin.access.Credential;
import se.vittne.admin.access.PendingStep;
import se.vittne.admin.access.Principal;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.ApiToken;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.login.Permissions;

/** The request and response bodies of the authentication endpoints. */
public final class AuthViews {
  private AuthViews() {}

  /** Log in. */
  public record LoginRequest(String email, String password, boolean keepLoggedIn) {}

  /** The per-login flags of R-14. */
  public record Flags(boolean mayListen, boolean mayDownload, boolean mayEmail) {
    public static Flags of(Permissions p) {
      return new Flags(p.mayListen(), p.mayDownload(), p.mayEmail());
    }
  }

  /** Who is logged in. */
  public record Me(
      UUID id,
      String email,
      LoginRole role,
      UUID tenantId,
      Flags permissions,
      Set<UUID> departments,
      UUID userId,
      String language) {
    static Me of(Principal p) {
      return new Me(
          p.login(),
          p.email(),
          p.role(),
          p.tenant().map(TenantId::value).orElse(null),
          Flags.of(p.flags()),
          p.departments(),
          p.user().orElse(null),
          p.language());
    }

    static Me of(Login l) {
      return new Me(
          l.id(),
          l.email(),
          l.role(),
          l.tenant().map(TenantId::value).orElse(null),
          Flags.of(l.permissions()),
          l.departments(),
          l.user().orElse(null),
          l.language());
    }
  }

  /**
   * The current session: who, the CSRF token to echo in X-CSRF-Token on changes (null for API
   * tokens), and the steps still to take before anything else.
   */
  public record SessionView(
      Me login,
      String csrfToken,
      boolean keepLoggedIn,
      Instant expiresAt,
      Set<PendingStep> pendingSteps) {
    static SessionView of(Principal p) {
      if (p.credential() instanceof Credential.Session s) {
        return new SessionView(
            Me.of(p), s.csrfToken(), s.keepLoggedIn(), s.expiresAt(), p.pending());
      }
      return new SessionView(Me.of(p), null, false, null, p.pending());
    }
  }

  /** Change one's own password. */
  public record ChangePasswordRequest(String currentPassword, String newPassword) {}

  /** Ask for a reset link. */
  public record ResetRequest(String email) {}

  /** The same answer to every reset request. */
  public record ResetAccepted(String message) {
    static final ResetAccepted INSTANCE =
        new ResetAccepted(
            "If the address belongs to a login, a link to choose a new password is on its way.");
  }

  /** Choose a new password with a reset link's token. */
  public record ResetConfirmation(String token, String newPassword) {}

  /** The licence agreement in the login's language. */
  public record LicenceView(String version, String language, String text, boolean accepted) {}

  /** Accept the licence agreement of this version. */
  public record LicenceAcceptance(String version) {}

  /** The interface language: "sv" or "en". */
  public record LanguageRequest(String language) {}

  /** Issue an API token. */
  public record TokenRequest(String name, List<String> scopes, Instant expiresAt) {}

  /** An API token, without its secret. */
  public record TokenView(
      UUID id,
      String name,
      Set<String> scopes,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.id(),
          t.name(),
          t.scopes(),
          t.createdAt(),
          t.expiresAt().orElse(null),
          t.revokedAt().orElse(null),
          t.lastUsedAt().orElse(null));
    }
  }

  /** A token just issued: the secret is shown this once. */
  public record IssuedToken(TokenView token, String secret) {}

  /** The scopes the login's tokens may be given. */
  public record Scopes(Set<String> scopes) {}
}
