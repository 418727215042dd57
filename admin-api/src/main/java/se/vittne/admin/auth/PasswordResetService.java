package se.vittne.admin.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.mail.MailTemplates;
import se.vittne.admin.mail.Mailer;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.PasswordResetRepository;

/**
 * Forgot password. Asking for a link answers the same, in the same time, whether or not the
 * address has a login: the request thread only throttles by client address and hands the address to
 * a background task, which looks it up and, for an active login, mails a link. A link works once,
 * within {@link AuthSettings#resetLinkValidity()}; a rejected new password leaves it unused.
 */
public final class PasswordResetService implements AutoCloseable {
  /** The web app's page a reset link opens; it posts the token and the new password back. */
  public static final String RESET_PAGE = "/reset-password";

  private static final Logger LOG = LoggerFactory.getLogger(PasswordResetService.class);

  private final DSLContext dsl;
  private final Accounts accounts;
  private final PasswordService passwords;
  private final LoginThrottle throttle;
  private final Mailer mailer;
  private final Auditor auditor;
  private final Clock clock;
  private final AuthSettings settings;
  private final ExecutorService background =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("password-reset-", 0).factory());

  public PasswordResetService(
      DSLContext dsl,
      PasswordService passwords,
      LoginThrottle throttle,
      Mailer mailer,
      Auditor auditor,
      Clock clock,
      AuthSettings settings) {
    this.dsl = dsl;
    this.accounts = new Accounts(dsl);
    this.passwords = passwords;
    this.throttle = throttle;
    this.mailer = mailer;
    this.auditor = auditor;
    this.clock = clock;
    this.settings = settings;
  }

  /** Accepts a request for a link; what happens next is invisible to the caller. */
  public void request(String email, ClientInfo client) {
    Pacing.atLeast(
        settings.minimumResponseTime(),
        () -> {
          throttle.resetRequest(client.address());
          try {
            background.execute(() -> send(email, client));
          } catch (RejectedExecutionException e) {
            LOG.warn("shutting down; a reset request was not handled");
          }
          return null;
        });
  }

  private void send(String email, ClientInfo client) {
    try {
      Optional<Login> login = accounts.byEmail(email).filter(accounts::usable);
      if (login.isEmpty() || !throttle.resetMailAllowed(email)) {
        return;
      }
      Login l = login.get();
      String token =
          new PasswordResetRepository(dsl)
              .issue(l.id(), settings.resetLinkValidity(), clock.instant());
      mailer.send(
          MailTemplates.render(
              MailTemplates.PASSWORD_RESET,
              l.language(),
              l.email(),
              l.email(),
              Long.toString(settings.resetLinkValidity().toMinutes()),
              settings.link(RESET_PAGE + "?token=" + token)));
      auditor.recordAs(
          l.tenant(),
          Optional.of(l.id()),
          l.email(),
          client,
          AdminAuditActions.PASSWORD_RESET_REQUESTED,
          "login",
          l.id(),
          Map.of());
    } catch (RuntimeException e) {
      LOG.error("a password reset request failed", e);
    }
  }

  /**
   * Sets a new password with a link's token. The link is used up only when the password is
   * accepted: the check and the change are one transaction.
   */
  public void confirm(String token, String newPassword, ClientInfo client) {
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      UUID loginId =
          new PasswordResetRepository(tx)
              .consume(token, clock.instant())
              .orElseThrow(PasswordResetService::invalidLink);
      Login login =
          accounts
              .within(tx)
              .find(loginId)
              .filter(accounts::usable)
              .orElseThrow(PasswordResetService::invalidLink);
      passwords.within(tx).resetTo(login, newPassword, client);
    });
  }

  private static ProblemException invalidLink() {
    return new ProblemException.BadRequest(
        "reset-link-invalid",
        "Reset link invalid",
        "This link has expired or has been used; ask for a new one.");
  }

  @Override
  public void close() {
    background.shutdown();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
