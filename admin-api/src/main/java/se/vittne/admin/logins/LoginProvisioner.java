package se.vittne.admin.logins;

import java.time.Clock;
import org.jooq.DSLContext;
import se.vittne.admin.auth.AuthSettings;
import se.vittne.admin.auth.PasswordHasher;
import se.vittne.admin.auth.PasswordRules;
import se.vittne.admin.mail.MailTemplates;
import se.vittne.admin.mail.Mailer;
import se.vittne.policy.TenantId;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginAccess;
import se.vittne.storage.login.LoginRepository;

/**
 * Creates logins with a temporary password and invites them: one e-mail with the link to the
 * web app, a separate one with the temporary password, which must be changed at the first login.
 * Hashing is slow on purpose, so passwords are {@link #prepare prepared} before a transaction
 * opens; the e-mails go out after it commits.
 */
public final class LoginProvisioner {
  private final PasswordHasher hasher;
  private final Mailer mailer;
  private final AuthSettings settings;
  private final Clock clock;

  public LoginProvisioner(
      PasswordHasher hasher, Mailer mailer, AuthSettings settings, Clock clock) {
    this.hasher = hasher;
    this.mailer = mailer;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A temporary password and its hash.
   *
   * @param password the password to mail
   * @param hash its Argon2id hash to store
   */
  public record Prepared(String password, String hash) {
    @Override
    public String toString() {
      return "Prepared[***]";
    }
  }

  public Prepared prepare() {
    String password = PasswordRules.temporary();
    return new Prepared(password, hasher.hash(password));
  }

  /** Creates a tenant's login with the prepared temporary password, in {@code tx}. */
  public Login create(
      DSLContext tx,
      TenantId tenant,
      String email,
      LoginAccess access,
      String language,
      Prepared prepared) {
    LoginRepository logins = new LoginRepository(tx);
    Login login = logins.create(tenant, email, access, language);
    logins.setPassword(tenant, login.id(), prepared.hash(), true, clock.instant());
    return logins.find(tenant, login.id()).orElseThrow();
  }

  /** Creates an operator with the prepared temporary password, in {@code tx}. */
  public Login createOperator(DSLContext tx, String email, String language, Prepared prepared) {
    LoginRepository logins = new LoginRepository(tx);
    Login login = logins.createOperator(email, language);
    logins.setOperatorPassword(login.id(), prepared.hash(), true, clock.instant());
    return logins.findOperator(login.id()).orElseThrow();
  }

  /** Sends the two invitation e-mails of R-21, in the login's language. */
  public void invite(Login login, String organisation, Prepared prepared) {
    mailer.send(
        MailTemplates.render(
            MailTemplates.WELCOME,
            login.language(),
            login.email(),
            organisation,
            settings.link("/"),
            login.email()));
    sendPassword(login, prepared);
  }

  /** Sends only the temporary password (a new one issued by an administrator). */
  public void sendPassword(Login login, Prepared prepared) {
    mailer.send(
        MailTemplates.render(
            MailTemplates.TEMPORARY_PASSWORD,
            login.language(),
            login.email(),
            prepared.password()));
  }
}
