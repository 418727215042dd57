package se.vittne.admin.auth;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.admin.access.PendingStep;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.SessionRepository;

/**
 * Logging in and out. A login attempt is throttled first, then always costs exactly one
 * Argon2 verification and at least {@link AuthSettings#minimumResponseTime()}; a wrong password, an
 * unknown address, a deactivated login or tenant all get the same 401.
 */
public final class LoginService {
  private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

  /**
   * A successful login.
   *
   * @param session the session opened (its cookie is set on the response)
   * @param login the login
   * @param pending the first-login steps it must take before anything else
   */
  public record LoggedIn(SessionRepository.Opened session, Login login, Set<PendingStep> pending) {}

  private final Accounts accounts;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionOpener sessions;
  private final Auditor auditor;
  private final Clock clock;
  private final AuthSettings settings;
  private final Counter failures;

  public LoginService(
      DSLContext dsl,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Auditor auditor,
      Clock clock,
      AuthSettings settings,
      MeterRegistry metrics) {
    this.accounts = new Accounts(dsl);
    this.hasher = hasher;
    this.throttle = throttle;
    this.sessions = new SessionOpener(dsl, clock, settings);
    this.auditor = auditor;
    this.clock = clock;
    this.settings = settings;
    this.failures =
        Counter.builder("vittne.admin.login.failures")
            .description("Login attempts refused for wrong credentials")
            .register(metrics);
  }

  public LoggedIn login(Context ctx, String email, String password, boolean keepLoggedIn) {
    ClientInfo client = ClientInfo.of(ctx);
    return Pacing.atLeast(
        settings.minimumResponseTime(),
        () -> {
          throttle.loginAttempt(email, client.address());
          Optional<Login> login = accounts.byEmail(email);
          boolean usable = login.isPresent() && accounts.usable(login.get());
          boolean verified =
              hasher.verify(password, usable ? login.get().passwordHash() : Optional.empty());
          if (!verified) {
            refuse(login, client);
          }
          Login l = login.orElseThrow();
          throttle.loginSucceeded(email);
          SessionRepository.Opened opened = sessions.open(ctx, l, keepLoggedIn);
          auditor.recordAs(
              l.tenant(),
              Optional.of(l.id()),
              l.email(),
              client,
              AdminAuditActions.LOGIN,
              "login",
              l.id(),
              Map.of("keepLoggedIn", opened.session().keepLoggedIn()));
          return new LoggedIn(
              opened, l, Accounts.pending(l, clock.instant(), settings.passwordMaxAge()));
        });
  }

  private void refuse(Optional<Login> login, ClientInfo client) {
    failures.increment();
    login.ifPresent(l ->
        auditor.recordAs(
            l.tenant(),
            Optional.of(l.id()),
            l.email(),
            client,
            AdminAuditActions.LOGIN_FAILED,
            "login",
            l.id(),
            Map.of()));
    LOG.info("refused a login attempt from {}", client.address());
    throw new ProblemException.Unauthenticated(
        "invalid-credentials",
        "Invalid credentials",
        "The e-mail address or the password is wrong.");
  }

  /** Ends the request's session and clears its cookie. */
  public void logout(Context ctx, Principal principal) {
    sessions.close(ctx);
    auditor.record(
        principal,
        ClientInfo.of(ctx),
        AdminAuditActions.LOGOUT,
        "login",
        principal.login(),
        Map.of());
  }
}
