package se.vittne.storage.directory;

import static se.vittne.storage.jooq.Tables.DEPARTMENT;
import static se.vittne.storage.jooq.Tables.DIRECTORY_USER;
import static se.vittne.storage.jooq.Tables.USER_NUMBER;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.jooq.tables.records.DirectoryUserRecord;

/**
 * The tenant's users. The lookups by extension and by number are what a capture node does for every
 * call; both are unique indexes. A department, district, cost centre or office of another tenant is
 * refused by the database's composite foreign keys.
 */
public final class UserRepository {
  private final DSLContext dsl;

  public UserRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public DirectoryUser create(TenantId tenant, UserData data) {
    UUID id = UUID.randomUUID();
    dsl.transaction(c -> {
      DSLContext tx = DSL.using(c);
      DirectoryUserRecord row = tx.newRecord(DIRECTORY_USER);
      row.setId(id);
      row.setTenantId(tenant.value());
      write(row, data);
      row.insert();
      insertNumbers(tx, tenant, id, data.numbers());
    });
    return find(tenant, id).orElseThrow();
  }

  /** Replaces what is set on a user, numbers included; false when the tenant has no such user. */
  public boolean update(TenantId tenant, UUID id, UserData data) {
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      DirectoryUserRecord row = tx.newRecord(DIRECTORY_USER);
      write(row, data);
      int updated =
          tx.update(DIRECTORY_USER)
              .set(row)
              .where(DIRECTORY_USER.TENANT_ID.eq(tenant.value()))
              .and(DIRECTORY_USER.ID.eq(id))
              .execute();
      if (updated == 0) {
        return false;
      }
      tx.deleteFrom(USER_NUMBER)
          .where(USER_NUMBER.TENANT_ID.eq(tenant.value()))
          .and(USER_NUMBER.USER_ID.eq(id))
          .execute();
      insertNumbers(tx, tenant, id, data.numbers());
      return true;
    });
  }

  public boolean delete(TenantId tenant, UUID id) {
    return dsl.deleteFrom(DIRECTORY_USER)
            .where(DIRECTORY_USER.TENANT_ID.eq(tenant.value()))
            .and(DIRECTORY_USER.ID.eq(id))
            .execute()
        == 1;
  }

  public Optional<DirectoryUser> find(TenantId tenant, UUID id) {
    return one(tenant, DIRECTORY_USER.ID.eq(id));
  }

  /** The user with this extension, for the capture node's per-call lookup. */
  public Optional<DirectoryUser> byExtension(TenantId tenant, String extension) {
    return one(tenant, DIRECTORY_USER.EXTENSION.eq(extension));
  }

  /** The user with this phone number (e.g. their mobile), for calls from other devices. */
  public Optional<DirectoryUser> byNumber(TenantId tenant, PhoneNumber number) {
    return one(
        tenant,
        DIRECTORY_USER.ID.eq(
            DSL.select(USER_NUMBER.USER_ID)
                .from(USER_NUMBER)
                .where(USER_NUMBER.TENANT_ID.eq(tenant.value()))
                .and(USER_NUMBER.NUMBER.eq(number.e164()))));
  }

  /** Every user of the tenant, by extension. */
  public List<DirectoryUser> list(TenantId tenant) {
    return select(tenant, DSL.trueCondition()).orderBy(DIRECTORY_USER.EXTENSION).fetch(this::read);
  }

  private Optional<DirectoryUser> one(TenantId tenant, Condition condition) {
    return select(tenant, condition).fetchOptional(this::read);
  }

  private org.jooq.SelectConditionStep<Record> select(TenantId tenant, Condition condition) {
    return dsl.select(DIRECTORY_USER.fields())
        .select(DEPARTMENT.fields())
        .from(DIRECTORY_USER)
        .leftJoin(DEPARTMENT)
        .on(DEPARTMENT.ID.eq(DIRECTORY_USER.DEPARTMENT_ID))
        .where(DIRECTORY_USER.TENANT_ID.eq(tenant.value()))
        .and(condition);
  }

  private DirectoryUser read(Record r) {
    DirectoryUserRecord u = r.into(DIRECTORY_USER);
    Set<PhoneNumber> numbers = new HashSet<>();
    dsl.select(USER_NUMBER.NUMBER)
        .from(USER_NUMBER)
        .where(USER_NUMBER.TENANT_ID.eq(u.getTenantId()))
        .and(USER_NUMBER.USER_ID.eq(u.getId()))
        .fetch(USER_NUMBER.NUMBER)
        .forEach(n -> numbers.add(PhoneNumber.ofE164(n)));
    UserData data =
        new UserData(
            u.getName(),
            u.getExtension(),
            Optional.ofNullable(u.getEmail()),
            Optional.ofNullable(u.getTitle()),
            Optional.ofNullable(u.getDepartmentId()),
            Optional.ofNullable(u.getDistrictId()),
            Optional.ofNullable(u.getCostCentreId()),
            Optional.ofNullable(u.getOfficeId()),
            u.getRecordingEnabled(),
            UserRole.valueOf(u.getRole()),
            numbers);
    Optional<Department> department =
        u.getDepartmentId() == null
            ? Optional.empty()
            : Optional.of(OrganisationRepository.department(r.into(DEPARTMENT)));
    return new DirectoryUser(u.getId(), data, department);
  }

  private static void write(DirectoryUserRecord row, UserData d) {
    row.setName(d.name());
    row.setExtension(d.extension());
    row.setEmail(d.email().orElse(null));
    row.setTitle(d.title().orElse(null));
    row.setDepartmentId(d.department().orElse(null));
    row.setDistrictId(d.district().orElse(null));
    row.setCostCentreId(d.costCentre().orElse(null));
    row.setOfficeId(d.office().orElse(null));
    row.setRecordingEnabled(d.recordingEnabled());
    row.setRole(d.role().name());
  }

  private static void insertNumbers(
      DSLContext tx, TenantId tenant, UUID user, Set<PhoneNumber> numbers) {
    for (PhoneNumber n : numbers) {
      tx.insertInto(USER_NUMBER)
          .set(USER_NUMBER.TENANT_ID, tenant.value())
          .set(USER_NUMBER.USER_ID, user)
          .set(USER_NUMBER.NUMBER, n.e164())
          .execute();
    }
  }
}
