package se.vittne.admin.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import se.vittne.admin.access.Credential;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.mail.MailTemplates;
import se.vittne.admin.mail.Mailer;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.SessionRepository;

/**
 * Choosing a new password: the rules, not one of the last ten, a confirmation e-mail. Every
 * other session of the login ends; the browser that changed it gets a fresh session.
 */
public final class PasswordService {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

  private final Accounts accounts;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionOpener sessions;
  private final Mailer mailer;
  private final Auditor auditor;
  private final Clock clock;
  private final AuthSettings settings;

  public PasswordService(
      DSLContext dsl,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Mailer mailer,
      Auditor auditor,
      Clock clock,
      AuthSettings settings) {
    this.accounts = new Accounts(dsl);
    this.hasher = hasher;
    this.throttle = throttle;
    this.sessions = new SessionOpener(dsl, clock, settings);
    this.mailer = mailer;
    this.auditor = auditor;
    this.clock = clock;
    this.settings = settings;
  }

  /** The same service writing through a running transaction. */
  PasswordService within(DSLContext tx) {
    return new PasswordService(tx, hasher, throttle, mailer, auditor.within(tx), clock, settings);
  }

  /**
   * A logged-in user changes their own password; the current one must be given (and guessing it is
   * throttled like logging in).
   */
  public SessionRepository.Opened change(
      Context ctx, Principal principal, String current, String next) {
    ClientInfo client = ClientInfo.of(ctx);
    Login login = accounts.find(principal.login()).orElseThrow();
    throttle.loginAttempt(login.email(), client.address());
    if (current == null || !hasher.verify(current, login.passwordHash())) {
      throw ProblemException.Invalid.of(
          "currentPassword", "wrong-password", "The current password is wrong.");
    }
    throttle.loginSucceeded(login.email());
    setNew(login, next, "newPassword");
    accounts.closeSessions(login);
    boolean keep = principal.credential() instanceof Credential.Session s && s.keepLoggedIn();
    SessionRepository.Opened opened = sessions.open(ctx, login, keep);
    confirm(login, client, AdminAuditActions.PASSWORD_CHANGED);
    return opened;
  }

  /** Sets a new password chosen through a reset link (the link was checked); ends every session. */
  void resetTo(Login login, String next, ClientInfo client) {
    setNew(login, next, "newPassword");
    accounts.closeSessions(login);
    confirm(login, client, AdminAuditActions.PASSWORD_RESET);
  }

  /** Checks a new password against the rules and the history, then stores it. */
  void setNew(Login login, String next, String field) {
    List<FieldError> errors = new ArrayList<>(PasswordRules.violations(field, next));
    if (errors.isEmpty() && reused(login, next)) {
      errors.add(
          new FieldError(
              field,
              "recently-used",
              "The password must differ from your last " + settings.passwordHistory() + "."));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException.Invalid("The new password is not accepted.", errors);
    }
    accounts.setPassword(login, hasher.hash(next), false, clock.instant());
  }

  private boolean reused(Login login, String password) {
    boolean reused = false;
    // check them all, so that the time taken does not tell which one matched
    for (String hash : accounts.history(login, settings.passwordHistory())) {
      reused |= hasher.matches(password, hash);
    }
    return reused;
  }

  private void confirm(Login login, ClientInfo client, String action) {
    Instant now = clock.instant();
    String when = WHEN.format(now.atZone(accounts.zone(login)));
    mailer.send(
        MailTemplates.render(
            MailTemplates.PASSWORD_CHANGED,
            login.language(),
            login.email(),
            login.email(),
            when,
            client.address(),
            settings.link("/")));
    auditor.recordAs(
        login.tenant(),
        Optional.of(login.id()),
        login.email(),
        client,
        action,
        "login",
        login.id(),
        Map.of());
  }
}
