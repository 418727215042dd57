package se.vittne.admin.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** How a request proved who it is. */
public sealed interface Credential {
  /**
   * A browser's session cookie. Changes made with it must echo {@code csrfToken}.
   *
   * @param csrfToken the token state-changing requests must send back
   * @param keepLoggedIn "keep me logged in"
   * @param expiresAt when the session ends unless used again
   */
  record Session(String csrfToken, boolean keepLoggedIn, Instant expiresAt) implements Credential {
    public Session {
      Objects.requireNonNull(csrfToken, "csrfToken");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * An integration's API token, limited to its scopes.
   *
   * @param token the token's ID
   * @param scopes what it may do, as {@link Permission#scope()} names
   */
  record ApiToken(UUID token, Set<String> scopes) implements Credential {
    public ApiToken {
      Objects.requireNonNull(token, "token");
      scopes = Set.copyOf(scopes);
    }
  }
}
