package se.vittne.admin.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.PendingStep;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginAccounts;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Logins as authentication sees them, tenant logins and operators alike: finding them, whether they
 * may log in, their pending first-login steps, and setting their passwords.
 */
public final class Accounts {
  private final LoginRepository logins;
  private final LoginAccounts accounts;
  private final TenantRepository tenants;

  public Accounts(DSLContext dsl) {
    this.logins = new LoginRepository(dsl);
    this.accounts = new LoginAccounts(dsl);
    this.tenants = new TenantRepository(dsl);
  }

  public Accounts within(DSLContext tx) {
    return new Accounts(tx);
  }

  public Optional<Login> find(UUID id) {
    return accounts.find(id);
  }

  public Optional<Login> byEmail(String email) {
    return logins.findByEmail(email.strip());
  }

  /** Whether the login may log in: active, and of an active tenant. */
  public boolean usable(Login login) {
    return login.active()
        && login
            .tenant()
            .map(t -> tenants.find(t).map(TenantSettings::active).orElse(false))
            .orElse(true);
  }

  /** The time zone to tell the login times in: its tenant's, UTC for operators. */
  public ZoneId zone(Login login) {
    return login
        .tenant()
        .flatMap(tenants::find)
        .map(TenantSettings::timeZone)
        .orElse(ZoneOffset.UTC);
  }

  /** The first-login steps still to take. */
  public static Set<PendingStep> pending(Login login, Instant now, Duration passwordMaxAge) {
    Set<PendingStep> steps = EnumSet.noneOf(PendingStep.class);
    boolean expired =
        login.passwordChangedAt().map(at -> !now.isBefore(at.plus(passwordMaxAge))).orElse(true);
    if (login.passwordHash().isEmpty() || login.mustChangePassword() || expired) {
      steps.add(PendingStep.CHANGE_PASSWORD);
    }
    if (!login.operator() && login.licenceAcceptedAt().isEmpty()) {
      steps.add(PendingStep.ACCEPT_LICENCE);
    }
    return steps;
  }

  /** Sets a new password hash and keeps it in the history. */
  public void setPassword(Login login, String hash, boolean temporary, Instant at) {
    boolean set =
        login.tenant().isPresent()
            ? logins.setPassword(login.tenant().get(), login.id(), hash, temporary, at)
            : logins.setOperatorPassword(login.id(), hash, temporary, at);
    if (!set) {
      throw new IllegalStateException("the login disappeared");
    }
  }

  public List<String> history(Login login, int count) {
    return accounts.passwordHistory(login.id(), count);
  }

  public int closeSessions(Login login) {
    return accounts.closeSessions(login.id());
  }

  public boolean setLanguage(Login login, String language) {
    return accounts.setLanguage(login.id(), language);
  }

  public boolean acceptLicence(se.vittne.policy.TenantId tenant, UUID login, Instant at) {
    return logins.acceptLicence(tenant, login, at);
  }
}
