package se.vittne.storage.login;

import static se.vittne.storage.jooq.Tables.LOGIN;
import static se.vittne.storage.jooq.Tables.LOGIN_SESSION;
import static se.vittne.storage.jooq.Tables.PASSWORD_HISTORY;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.storage.AcrossTenants;

/**
 * What the admin API does to one login by its ID alone, whoever owns it: a forgot-password link
 * names only the login, and operators (who belong to no tenant) change their own passwords and
 * languages too. Everything else about logins is in {@link LoginRepository}, scoped by tenant.
 */
public final class LoginAccounts {
  private final DSLContext dsl;

  public LoginAccounts(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The login with this ID, of any tenant or an operator. */
  @AcrossTenants("a forgot-password link names only the login")
  public Optional<Login> find(UUID id) {
    return dsl.select(LOGIN.EMAIL)
        .from(LOGIN)
        .where(LOGIN.ID.eq(id))
        .fetchOptional(LOGIN.EMAIL)
        .flatMap(email -> new LoginRepository(dsl).findByEmail(email))
        .filter(login -> login.id().equals(id));
  }

  /** The last {@code count} password hashes of the login, newest first. */
  @AcrossTenants("operators belong to no tenant; a reset link names only the login")
  public List<String> passwordHistory(UUID login, int count) {
    return dsl.select(PASSWORD_HISTORY.PASSWORD_HASH)
        .from(PASSWORD_HISTORY)
        .where(PASSWORD_HISTORY.LOGIN_ID.eq(login))
        .orderBy(PASSWORD_HISTORY.SET_AT.desc())
        .limit(count)
        .fetch(PASSWORD_HISTORY.PASSWORD_HASH);
  }

  /** Ends every session of the login (its password changed); returns how many there were. */
  @AcrossTenants("operators belong to no tenant; a reset link names only the login")
  public int closeSessions(UUID login) {
    return dsl.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.LOGIN_ID.eq(login)).execute();
  }

  /** Sets the interface language; false when there is no such login. */
  @AcrossTenants("operators belong to no tenant")
  public boolean setLanguage(UUID login, String language) {
    return dsl.update(LOGIN).set(LOGIN.LANGUAGE, language).where(LOGIN.ID.eq(login)).execute() == 1;
  }
}
