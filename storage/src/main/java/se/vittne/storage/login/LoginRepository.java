package se.vittne.storage.login;

import static se.vittne.storage.jooq.Tables.LOGIN;
import static se.vittne.storage.jooq.Tables.LOGIN_DEPARTMENT;
import static se.vittne.storage.jooq.Tables.PASSWORD_HISTORY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.storage.AcrossTenants;
import se.vittne.storage.jooq.tables.records.LoginRecord;

/**
 * Logins of tenants and operators. E-mail addresses are unique installation-wide (ignoring case),
 * so authentication starts from the address alone.
 */
public final class LoginRepository {
  private final DSLContext dsl;

  public LoginRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Adds a login to the tenant, without a password yet. */
  public Login create(TenantId tenant, String email, LoginAccess access, String language) {
    UUID id = UUID.randomUUID();
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      insert(tx, id, tenant.value(), email, access.role(), access.permissions(), language);
      tx.update(LOGIN)
          .set(LOGIN.USER_ID, access.user().orElse(null))
          .where(LOGIN.ID.eq(id))
          .execute();
      writeDepartments(tx, tenant, id, access);
    });
    return find(tenant, id).orElseThrow();
  }

  @AcrossTenants("operators belong to no tenant")
  public Login createOperator(String email, String language) {
    UUID id = UUID.randomUUID();
    insert(dsl, id, null, email, LoginRole.OPERATOR, Permissions.NONE, language);
    return findOperator(id).orElseThrow();
  }

  public Optional<Login> find(TenantId tenant, UUID id) {
    return one(LOGIN.TENANT_ID.eq(tenant.value()).and(LOGIN.ID.eq(id)));
  }

  public List<Login> list(TenantId tenant) {
    return dsl.selectFrom(LOGIN)
        .where(LOGIN.TENANT_ID.eq(tenant.value()))
        .orderBy(LOGIN.EMAIL)
        .fetch(this::read);
  }

  @AcrossTenants("logging in starts from the e-mail address alone")
  public Optional<Login> findByEmail(String email) {
    return one(DSL.lower(LOGIN.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)));
  }

  @AcrossTenants("operators belong to no tenant")
  public Optional<Login> findOperator(UUID id) {
    return one(LOGIN.TENANT_ID.isNull().and(LOGIN.ID.eq(id)));
  }

  @AcrossTenants("operators belong to no tenant")
  public List<Login> listOperators() {
    return dsl.selectFrom(LOGIN)
        .where(LOGIN.TENANT_ID.isNull())
        .orderBy(LOGIN.EMAIL)
        .fetch(this::read);
  }

  /** Changes role, flags, departments and user; false when the tenant has no such login. */
  public boolean updateAccess(TenantId tenant, UUID id, LoginAccess access) {
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      int updated =
          tx.update(LOGIN)
              .set(LOGIN.ROLE, access.role().name())
              .set(LOGIN.MAY_LISTEN, access.permissions().mayListen())
              .set(LOGIN.MAY_DOWNLOAD, access.permissions().mayDownload())
              .set(LOGIN.MAY_EMAIL, access.permissions().mayEmail())
              .set(LOGIN.USER_ID, access.user().orElse(null))
              .where(LOGIN.TENANT_ID.eq(tenant.value()))
              .and(LOGIN.ID.eq(id))
              .execute();
      if (updated == 1) {
        writeDepartments(tx, tenant, id, access);
      }
      return updated == 1;
    });
  }

  public boolean setActive(TenantId tenant, UUID id, boolean active) {
    return dsl.update(LOGIN)
            .set(LOGIN.ACTIVE, active)
            .where(LOGIN.TENANT_ID.eq(tenant.value()))
            .and(LOGIN.ID.eq(id))
            .execute()
        == 1;
  }

  public boolean setLanguage(TenantId tenant, UUID id, String language) {
    return dsl.update(LOGIN)
            .set(LOGIN.LANGUAGE, language)
            .where(LOGIN.TENANT_ID.eq(tenant.value()))
            .and(LOGIN.ID.eq(id))
            .execute()
        == 1;
  }

  public boolean acceptLicence(TenantId tenant, UUID id, Instant at) {
    return dsl.update(LOGIN)
            .set(LOGIN.LICENCE_ACCEPTED_AT, at.atOffset(ZoneOffset.UTC))
            .where(LOGIN.TENANT_ID.eq(tenant.value()))
            .and(LOGIN.ID.eq(id))
            .execute()
        == 1;
  }

  public boolean delete(TenantId tenant, UUID id) {
    return dsl.deleteFrom(LOGIN)
            .where(LOGIN.TENANT_ID.eq(tenant.value()))
            .and(LOGIN.ID.eq(id))
            .execute()
        == 1;
  }

  /**
   * Sets a new password hash and keeps it in the history; {@code temporary} forces a change
   * at the next login. False when the tenant has no such login.
   */
  public boolean setPassword(TenantId tenant, UUID id, String hash, boolean temporary, Instant at) {
    return setPassword(LOGIN.TENANT_ID.eq(tenant.value()), id, hash, temporary, at);
  }

  @AcrossTenants("operators belong to no tenant")
  public boolean setOperatorPassword(UUID id, String hash, boolean temporary, Instant at) {
    return setPassword(LOGIN.TENANT_ID.isNull(), id, hash, temporary, at);
  }

  /** The last {@code count} password hashes, newest first, to refuse a repeated password. */
  public List<String> passwordHistory(TenantId tenant, UUID id, int count) {
    return dsl.select(PASSWORD_HISTORY.PASSWORD_HASH)
        .from(PASSWORD_HISTORY)
        .join(LOGIN)
        .on(LOGIN.ID.eq(PASSWORD_HISTORY.LOGIN_ID))
        .where(LOGIN.TENANT_ID.eq(tenant.value()))
        .and(LOGIN.ID.eq(id))
        .orderBy(PASSWORD_HISTORY.SET_AT.desc())
        .limit(count)
        .fetch(PASSWORD_HISTORY.PASSWORD_HASH);
  }

  private boolean setPassword(
      Condition scope, UUID id, String hash, boolean temporary, Instant at) {
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      int updated =
          tx.update(LOGIN)
              .set(LOGIN.PASSWORD_HASH, hash)
              .set(LOGIN.PASSWORD_CHANGED_AT, when)
              .set(LOGIN.MUST_CHANGE_PASSWORD, temporary)
              .where(scope)
              .and(LOGIN.ID.eq(id))
              .execute();
      if (updated == 1) {
        tx.insertInto(PASSWORD_HISTORY)
            .set(PASSWORD_HISTORY.LOGIN_ID, id)
            .set(PASSWORD_HISTORY.PASSWORD_HASH, hash)
            .set(PASSWORD_HISTORY.SET_AT, when)
            .execute();
      }
      return updated == 1;
    });
  }

  private static void insert(
      DSLContext tx,
      UUID id,
      UUID tenant,
      String email,
      LoginRole role,
      Permissions p,
      String language) {
    tx.insertInto(LOGIN)
        .set(LOGIN.ID, id)
        .set(LOGIN.TENANT_ID, tenant)
        .set(LOGIN.EMAIL, email)
        .set(LOGIN.ROLE, role.name())
        .set(LOGIN.MAY_LISTEN, p.mayListen())
        .set(LOGIN.MAY_DOWNLOAD, p.mayDownload())
        .set(LOGIN.MAY_EMAIL, p.mayEmail())
        .set(LOGIN.LANGUAGE, language)
        .execute();
  }

  private static void writeDepartments(
      DSLContext tx, TenantId tenant, UUID login, LoginAccess access) {
    tx.deleteFrom(LOGIN_DEPARTMENT)
        .where(LOGIN_DEPARTMENT.TENANT_ID.eq(tenant.value()))
        .and(LOGIN_DEPARTMENT.LOGIN_ID.eq(login))
        .execute();
    for (UUID department : access.departments()) {
      tx.insertInto(LOGIN_DEPARTMENT)
          .set(LOGIN_DEPARTMENT.TENANT_ID, tenant.value())
          .set(LOGIN_DEPARTMENT.LOGIN_ID, login)
          .set(LOGIN_DEPARTMENT.DEPARTMENT_ID, department)
          .execute();
    }
  }

  private Optional<Login> one(Condition condition) {
    return dsl.selectFrom(LOGIN).where(condition).fetchOptional(this::read);
  }

  private Login read(LoginRecord r) {
    var departments =
        new HashSet<>(
            dsl.select(LOGIN_DEPARTMENT.DEPARTMENT_ID)
                .from(LOGIN_DEPARTMENT)
                .where(LOGIN_DEPARTMENT.LOGIN_ID.eq(r.getId()))
                .fetch(LOGIN_DEPARTMENT.DEPARTMENT_ID));
    return new Login(
        r.getId(),
        Optional.ofNullable(r.getTenantId()).map(TenantId::new),
        r.getEmail(),
        LoginRole.valueOf(r.getRole()),
        new Permissions(r.getMayListen(), r.getMayDownload(), r.getMayEmail()),
        departments,
        Optional.ofNullable(r.getUserId()),
        Optional.ofNullable(r.getPasswordHash()),
        Optional.ofNullable(r.getPasswordChangedAt()).map(OffsetDateTime::toInstant),
        r.getMustChangePassword(),
        Optional.ofNullable(r.getLicenceAcceptedAt()).map(OffsetDateTime::toInstant),
        r.getActive(),
        r.getLanguage());
  }
}
