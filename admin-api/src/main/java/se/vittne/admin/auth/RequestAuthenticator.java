package se.vittne.admin.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import se.vittne.admin.access.Credential;
import se.vittne.admin.access.PendingStep;
import se.vittne.admin.access.Principal;
import se.vittne.admin.server.Authenticator;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.login.ApiToken;
import se.vittne.storage.login.ApiTokenRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.Session;
import se.vittne.storage.login.SessionRepository;

/**
 * Finds the principal of a request, once per request: from an {@code Authorization: Bearer} API
 * token when the request has that header (an unknown, revoked or expired token is a 401, never
 * anonymous), otherwise from the session cookie (an unknown or ended session is anonymous). Either
 * way the login must still be active and of an active tenant. Sessions slide: a request extends the
 * session's life, written at most once a minute.
 */
public final class RequestAuthenticator implements Authenticator {
  private static final String ATTRIBUTE = "vittne.principal";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final SessionRepository sessions;
  private final ApiTokenRepository tokens;
  private final Accounts accounts;
  private final Clock clock;
  private final AuthSettings settings;

  public RequestAuthenticator(DSLContext dsl, Clock clock, AuthSettings settings) {
    this.sessions = new SessionRepository(dsl);
    this.tokens = new ApiTokenRepository(dsl);
    this.accounts = new Accounts(dsl);
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public Optional<Principal> authenticate(Context ctx) {
    Optional<Principal> cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    String authorization = ctx.header("Authorization");
    Optional<Principal> principal =
        authorization != null ? Optional.of(byToken(authorization)) : bySession(ctx);
    ctx.attribute(ATTRIBUTE, principal);
    return principal;
  }

  private Principal byToken(String authorization) {
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].length() > 200) {
      throw invalidToken();
    }
    ApiToken token = tokens.authenticate(parts[1], clock.instant()).orElseThrow(this::invalidToken);
    Login login =
        accounts
            .find(token.login())
            .filter(l -> l.tenant().equals(token.tenant()))
            .filter(accounts::usable)
            .orElseThrow(this::invalidToken);
    return principal(login, new Credential.ApiToken(token.id(), token.scopes()), Set.of());
  }

  private ProblemException invalidToken() {
    return new ProblemException.Unauthenticated(
        "invalid-token", "Invalid API token", "The API token is unknown, revoked or expired.");
  }

  private Optional<Principal> bySession(Context ctx) {
    Optional<String> token = SessionCookies.read(ctx);
    if (token.isEmpty() || token.get().length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Session> session = sessions.find(token.get(), now);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    Session s = session.get();
    Optional<Login> login =
        accounts
            .find(s.login())
            .filter(l -> l.tenant().equals(s.tenant()))
            .filter(accounts::usable);
    if (login.isEmpty()) {
      return Optional.empty();
    }
    Duration ttl = s.keepLoggedIn() ? settings.keepLoggedInFor() : settings.sessionIdleTimeout();
    Instant expiresAt = s.expiresAt();
    if (!now.isBefore(s.lastSeenAt().plus(TOUCH_INTERVAL))) {
      sessions.touch(token.get(), ttl, now);
      expiresAt = now.plus(ttl);
    }
    Set<PendingStep> pending = Accounts.pending(login.get(), now, settings.passwordMaxAge());
    return Optional.of(
        principal(
            login.get(),
            new Credential.Session(s.csrfToken(), s.keepLoggedIn(), expiresAt),
            pending));
  }

  static Principal principal(Login login, Credential credential, Set<PendingStep> pending) {
    return new Principal(
        login.id(),
        login.tenant(),
        login.email(),
        login.role(),
        login.permissions(),
        login.departments(),
        login.user(),
        login.language(),
        credential,
        pending);
  }
}
