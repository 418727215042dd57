package se.vittne.storage.directory;

import static se.vittne.storage.jooq.Tables.ANSWER_GROUP;
import static se.vittne.storage.jooq.Tables.DIRECT_NUMBER;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.policy.GroupId;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.jooq.tables.records.AnswerGroupRecord;

/** Answer groups and direct numbers (DDIs): how calls reach the tenant. */
public final class NumberRepository {
  private final DSLContext dsl;

  public NumberRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public AnswerGroup createGroup(
      TenantId tenant, GroupId key, String name, Optional<String> number) {
    UUID id = UUID.randomUUID();
    dsl.insertInto(ANSWER_GROUP)
        .set(ANSWER_GROUP.ID, id)
        .set(ANSWER_GROUP.TENANT_ID, tenant.value())
        .set(ANSWER_GROUP.KEY, key.value())
        .set(ANSWER_GROUP.NAME, name)
        .set(ANSWER_GROUP.NUMBER, number.orElse(null))
        .execute();
    return new AnswerGroup(id, key, name, number);
  }

  public boolean updateGroup(TenantId tenant, UUID id, String name, Optional<String> number) {
    return dsl.update(ANSWER_GROUP)
            .set(ANSWER_GROUP.NAME, name)
            .set(ANSWER_GROUP.NUMBER, number.orElse(null))
            .where(ANSWER_GROUP.TENANT_ID.eq(tenant.value()))
            .and(ANSWER_GROUP.ID.eq(id))
            .execute()
        == 1;
  }

  public boolean deleteGroup(TenantId tenant, UUID id) {
    return dsl.deleteFrom(ANSWER_GROUP)
            .where(ANSWER_GROUP.TENANT_ID.eq(tenant.value()))
            .and(ANSWER_GROUP.ID.eq(id))
            .execute()
        == 1;
  }

  public List<AnswerGroup> groups(TenantId tenant) {
    return dsl.selectFrom(ANSWER_GROUP)
        .where(ANSWER_GROUP.TENANT_ID.eq(tenant.value()))
        .orderBy(ANSWER_GROUP.NAME)
        .fetch(NumberRepository::group);
  }

  public Optional<AnswerGroup> groupByKey(TenantId tenant, GroupId key) {
    return group(tenant, ANSWER_GROUP.KEY.eq(key.value()));
  }

  /** The group the PBX signals by number or short code. */
  public Optional<AnswerGroup> groupByNumber(TenantId tenant, String number) {
    return group(tenant, ANSWER_GROUP.NUMBER.eq(number));
  }

  /** The group the PBX signals by name, ignoring case. */
  public Optional<AnswerGroup> groupByName(TenantId tenant, String name) {
    return dsl.selectFrom(ANSWER_GROUP)
        .where(ANSWER_GROUP.TENANT_ID.eq(tenant.value()))
        .and(DSL.lower(ANSWER_GROUP.NAME).eq(name.toLowerCase(Locale.ROOT)))
        .orderBy(ANSWER_GROUP.KEY)
        .limit(1)
        .fetchOptional(NumberRepository::group);
  }

  public DirectNumber createDirectNumber(TenantId tenant, PhoneNumber number, String name) {
    UUID id = UUID.randomUUID();
    dsl.insertInto(DIRECT_NUMBER)
        .set(DIRECT_NUMBER.ID, id)
        .set(DIRECT_NUMBER.TENANT_ID, tenant.value())
        .set(DIRECT_NUMBER.NUMBER, number.e164())
        .set(DIRECT_NUMBER.NAME, name)
        .execute();
    return new DirectNumber(id, number, name);
  }

  public boolean deleteDirectNumber(TenantId tenant, UUID id) {
    return dsl.deleteFrom(DIRECT_NUMBER)
            .where(DIRECT_NUMBER.TENANT_ID.eq(tenant.value()))
            .and(DIRECT_NUMBER.ID.eq(id))
            .execute()
        == 1;
  }

  public List<DirectNumber> directNumbers(TenantId tenant) {
    return dsl.selectFrom(DIRECT_NUMBER)
        .where(DIRECT_NUMBER.TENANT_ID.eq(tenant.value()))
        .orderBy(DIRECT_NUMBER.NUMBER)
        .fetch(r -> new DirectNumber(r.getId(), PhoneNumber.ofE164(r.getNumber()), r.getName()));
  }

  /** The tenant's direct number (DDI) that a caller dialled. */
  public Optional<DirectNumber> directNumber(TenantId tenant, PhoneNumber number) {
    return dsl.selectFrom(DIRECT_NUMBER)
        .where(DIRECT_NUMBER.TENANT_ID.eq(tenant.value()))
        .and(DIRECT_NUMBER.NUMBER.eq(number.e164()))
        .fetchOptional(
            r -> new DirectNumber(r.getId(), PhoneNumber.ofE164(r.getNumber()), r.getName()));
  }

  private Optional<AnswerGroup> group(TenantId tenant, Condition condition) {
    return dsl.selectFrom(ANSWER_GROUP)
        .where(ANSWER_GROUP.TENANT_ID.eq(tenant.value()))
        .and(condition)
        .fetchOptional(NumberRepository::group);
  }

  private static AnswerGroup group(AnswerGroupRecord r) {
    return new AnswerGroup(
        r.getId(), new GroupId(r.getKey()), r.getName(), Optional.ofNullable(r.getNumber()));
  }
}
