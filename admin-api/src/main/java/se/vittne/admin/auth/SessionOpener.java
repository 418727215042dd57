package se.vittne.admin.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import se.vittne.admin.server.ClientInfo;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.SessionRepository;

/** Opens a server-side session for a login and hands the browser its cookie. */
final class SessionOpener {
  private final SessionRepository sessions;
  private final Clock clock;
  private final AuthSettings settings;

  SessionOpener(DSLContext dsl, Clock clock, AuthSettings settings) {
    this.sessions = new SessionRepository(dsl);
    this.clock = clock;
    this.settings = settings;
  }

  /** Opens a session; operators never get "keep me logged in". */
  SessionRepository.Opened open(Context ctx, Login login, boolean keepLoggedIn) {
    String address = ClientInfo.of(ctx).address();
    String agent = ctx.userAgent();
    boolean keep = keepLoggedIn && !login.operator();
    Duration ttl = keep ? settings.keepLoggedInFor() : settings.sessionIdleTimeout();
    SessionRepository.Opened opened =
        login.tenant().isPresent()
            ? sessions.open(
                login.tenant().get(), login.id(), keep, ttl, address, agent, clock.instant())
            : sessions.openOperator(login.id(), ttl, address, agent, clock.instant());
    SessionCookies.set(ctx, opened.token(), keep ? Optional.of(ttl) : Optional.empty());
    return opened;
  }

  /** Closes the request's session, if it has one, and clears the cookie. */
  void close(Context ctx) {
    SessionCookies.read(ctx).ifPresent(sessions::close);
    SessionCookies.clear(ctx);
  }
}
