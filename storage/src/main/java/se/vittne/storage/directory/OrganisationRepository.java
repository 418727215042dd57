package se.vittne.storage.directory;

import static se.vittne.storage.jooq.Tables.DEPARTMENT;
import static se.vittne.storage.jooq.Tables.ORG_UNIT;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.TenantId;
import se.vittne.storage.jooq.tables.records.DepartmentRecord;

/** Departments, districts, cost centres and offices of a tenant. */
public final class OrganisationRepository {
  private final DSLContext dsl;

  public OrganisationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Department createDepartment(TenantId tenant, DepartmentId key, String name) {
    UUID id = UUID.randomUUID();
    dsl.insertInto(DEPARTMENT)
        .set(DEPARTMENT.ID, id)
        .set(DEPARTMENT.TENANT_ID, tenant.value())
        .set(DEPARTMENT.KEY, key.value())
        .set(DEPARTMENT.NAME, name)
        .execute();
    return new Department(id, key, name);
  }

  public boolean renameDepartment(TenantId tenant, UUID id, String name) {
    return dsl.update(DEPARTMENT)
            .set(DEPARTMENT.NAME, name)
            .where(DEPARTMENT.TENANT_ID.eq(tenant.value()))
            .and(DEPARTMENT.ID.eq(id))
            .execute()
        == 1;
  }

  /** Removes a department; users keep no department. Fails while users still belong to it. */
  public boolean deleteDepartment(TenantId tenant, UUID id) {
    return dsl.deleteFrom(DEPARTMENT)
            .where(DEPARTMENT.TENANT_ID.eq(tenant.value()))
            .and(DEPARTMENT.ID.eq(id))
            .execute()
        == 1;
  }

  public List<Department> departments(TenantId tenant) {
    return dsl.selectFrom(DEPARTMENT)
        .where(DEPARTMENT.TENANT_ID.eq(tenant.value()))
        .orderBy(DEPARTMENT.NAME)
        .fetch(OrganisationRepository::department);
  }

  public Optional<Department> department(TenantId tenant, UUID id) {
    return dsl.selectFrom(DEPARTMENT)
        .where(DEPARTMENT.TENANT_ID.eq(tenant.value()))
        .and(DEPARTMENT.ID.eq(id))
        .fetchOptional(OrganisationRepository::department);
  }

  public Optional<Department> departmentByKey(TenantId tenant, DepartmentId key) {
    return dsl.selectFrom(DEPARTMENT)
        .where(DEPARTMENT.TENANT_ID.eq(tenant.value()))
        .and(DEPARTMENT.KEY.eq(key.value()))
        .fetchOptional(OrganisationRepository::department);
  }

  public OrgUnit createOrgUnit(TenantId tenant, OrgUnitKind kind, String name) {
    UUID id = UUID.randomUUID();
    dsl.insertInto(ORG_UNIT)
        .set(ORG_UNIT.ID, id)
        .set(ORG_UNIT.TENANT_ID, tenant.value())
        .set(ORG_UNIT.KIND, kind.name())
        .set(ORG_UNIT.NAME, name)
        .execute();
    return new OrgUnit(id, kind, name);
  }

  public boolean renameOrgUnit(TenantId tenant, UUID id, String name) {
    return dsl.update(ORG_UNIT)
            .set(ORG_UNIT.NAME, name)
            .where(ORG_UNIT.TENANT_ID.eq(tenant.value()))
            .and(ORG_UNIT.ID.eq(id))
            .execute()
        == 1;
  }

  public boolean deleteOrgUnit(TenantId tenant, UUID id) {
    return dsl.deleteFrom(ORG_UNIT)
            .where(ORG_UNIT.TENANT_ID.eq(tenant.value()))
            .and(ORG_UNIT.ID.eq(id))
            .execute()
        == 1;
  }

  public List<OrgUnit> orgUnits(TenantId tenant, OrgUnitKind kind) {
    return dsl.selectFrom(ORG_UNIT)
        .where(ORG_UNIT.TENANT_ID.eq(tenant.value()))
        .and(ORG_UNIT.KIND.eq(kind.name()))
        .orderBy(ORG_UNIT.NAME)
        .fetch(r -> new OrgUnit(r.getId(), OrgUnitKind.valueOf(r.getKind()), r.getName()));
  }

  static Department department(DepartmentRecord r) {
    return new Department(r.getId(), new DepartmentId(r.getKey()), r.getName());
  }
}
