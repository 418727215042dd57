package se.vittne.admin.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.directory.DirectoryViews.AnswerGroupInput;
import se.vittne.admin.directory.DirectoryViews.DepartmentInput;
import se.vittne.admin.directory.DirectoryViews.DirectNumberInput;
import se.vittne.admin.directory.DirectoryViews.OrgUnitInput;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.GroupId;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.InvalidPhoneNumberException;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.AnswerGroup;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectNumber;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.OrgUnit;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/** Departments, org units, answer groups and direct numbers of one tenant. */
public final class OrganisationService {
  private final OrganisationRepository organisation;
  private final NumberRepository numbers;
  private final TenantRepository tenants;
  private final Auditor auditor;

  public OrganisationService(DSLContext dsl, Auditor auditor) {
    this.organisation = new OrganisationRepository(dsl);
    this.numbers = new NumberRepository(dsl);
    this.tenants = new TenantRepository(dsl);
    this.auditor = auditor;
  }

  // departments

  public List<Department> departments(TenantId tenant) {
    return organisation.departments(tenant);
  }

  public Department department(TenantId tenant, UUID id) {
    return organisation
        .department(tenant, id)
        .orElseThrow(() -> new ProblemException.NotFound("No such department."));
  }

  public Department createDepartment(
      Principal actor, ClientInfo client, TenantId tenant, DepartmentInput input) {
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    Optional<String> key = checks.optional("key", input.key(), 200);
    checks.orThrow();
    String chosen =
        key.orElseGet(() ->
            Keys.from(
                name, k -> organisation.departmentByKey(tenant, new DepartmentId(k)).isPresent()));
    if (organisation.departmentByKey(tenant, new DepartmentId(chosen)).isPresent()) {
      throw new ProblemException.Conflict("A department with this key exists.");
    }
    Department created = organisation.createDepartment(tenant, new DepartmentId(chosen), name);
    audit(
        actor, client, AdminAuditActions.CREATED, "department", created.id(), Map.of("name", name));
    return created;
  }

  public Department renameDepartment(
      Principal actor, ClientInfo client, TenantId tenant, UUID id, String newName) {
    department(tenant, id);
    String name = required(newName);
    organisation.renameDepartment(tenant, id, name);
    audit(actor, client, AdminAuditActions.UPDATED, "department", id, Map.of("name", name));
    return department(tenant, id);
  }

  public void deleteDepartment(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    Department d = department(tenant, id);
    organisation.deleteDepartment(tenant, id);
    audit(actor, client, AdminAuditActions.DELETED, "department", id, Map.of("name", d.name()));
  }

  // districts, cost centres, offices

  public List<OrgUnit> orgUnits(TenantId tenant, Optional<OrgUnitKind> kind) {
    return kind.map(List::of).orElse(Arrays.asList(OrgUnitKind.values())).stream()
        .flatMap(k -> organisation.orgUnits(tenant, k).stream())
        .toList();
  }

  public OrgUnit orgUnit(TenantId tenant, UUID id) {
    return orgUnits(tenant, Optional.empty()).stream()
        .filter(u -> u.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new ProblemException.NotFound("No such district, cost centre or office."));
  }

  public OrgUnit createOrgUnit(
      Principal actor, ClientInfo client, TenantId tenant, OrgUnitInput input) {
    Checks checks = new Checks();
    checks.notNull("kind", input.kind());
    String name = checks.required("name", input.name(), 200);
    checks.orThrow();
    OrgUnit created = organisation.createOrgUnit(tenant, input.kind(), name);
    audit(
        actor,
        client,
        AdminAuditActions.CREATED,
        "org-unit",
        created.id(),
        Map.of("kind", input.kind().name(), "name", name));
    return created;
  }

  public OrgUnit renameOrgUnit(
      Principal actor, ClientInfo client, TenantId tenant, UUID id, String newName) {
    orgUnit(tenant, id);
    String name = required(newName);
    organisation.renameOrgUnit(tenant, id, name);
    audit(actor, client, AdminAuditActions.UPDATED, "org-unit", id, Map.of("name", name));
    return orgUnit(tenant, id);
  }

  public void deleteOrgUnit(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    OrgUnit unit = orgUnit(tenant, id);
    organisation.deleteOrgUnit(tenant, id);
    audit(actor, client, AdminAuditActions.DELETED, "org-unit", id, Map.of("name", unit.name()));
  }

  // answer groups

  public List<AnswerGroup> groups(TenantId tenant) {
    return numbers.groups(tenant);
  }

  public AnswerGroup group(TenantId tenant, UUID id) {
    return numbers.groups(tenant).stream()
        .filter(g -> g.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new ProblemException.NotFound("No such answer group."));
  }

  public AnswerGroup createGroup(
      Principal actor, ClientInfo client, TenantId tenant, AnswerGroupInput input) {
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    Optional<String> key = checks.optional("key", input.key(), 200);
    Optional<String> number = checks.optional("number", input.number(), 64);
    checks.orThrow();
    String chosen =
        key.orElseGet(
            () -> Keys.from(name, k -> numbers.groupByKey(tenant, new GroupId(k)).isPresent()));
    if (numbers.groupByKey(tenant, new GroupId(chosen)).isPresent()) {
      throw new ProblemException.Conflict("An answer group with this key exists.");
    }
    AnswerGroup created = numbers.createGroup(tenant, new GroupId(chosen), name, number);
    audit(
        actor,
        client,
        AdminAuditActions.CREATED,
        "answer-group",
        created.id(),
        Map.of("name", name));
    return created;
  }

  public AnswerGroup updateGroup(
      Principal actor, ClientInfo client, TenantId tenant, UUID id, AnswerGroupInput input) {
    AnswerGroup current = group(tenant, id);
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    Optional<String> number = checks.optional("number", input.number(), 64);
    if (input.key() != null && !input.key().equals(current.key().value())) {
      checks.add("key", "immutable", "The key of an answer group never changes.");
    }
    checks.orThrow();
    numbers.updateGroup(tenant, id, name, number);
    audit(actor, client, AdminAuditActions.UPDATED, "answer-group", id, Map.of("name", name));
    return group(tenant, id);
  }

  public void deleteGroup(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    AnswerGroup g = group(tenant, id);
    numbers.deleteGroup(tenant, id);
    audit(actor, client, AdminAuditActions.DELETED, "answer-group", id, Map.of("name", g.name()));
  }

  // direct numbers

  public List<DirectNumber> directNumbers(TenantId tenant) {
    return numbers.directNumbers(tenant);
  }

  public DirectNumber directNumber(TenantId tenant, UUID id) {
    return numbers.directNumbers(tenant).stream()
        .filter(n -> n.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new ProblemException.NotFound("No such direct number."));
  }

  public DirectNumber createDirectNumber(
      Principal actor, ClientInfo client, TenantId tenant, DirectNumberInput input) {
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    PhoneNumber number = number(checks, "number", input.number(), tenant);
    checks.orThrow();
    if (numbers.directNumber(tenant, number).isPresent()) {
      throw new ProblemException.Conflict("This direct number exists already.");
    }
    DirectNumber created = numbers.createDirectNumber(tenant, number, name);
    audit(
        actor,
        client,
        AdminAuditActions.CREATED,
        "direct-number",
        created.id(),
        Map.of("number", number.e164(), "name", name));
    return created;
  }

  public void deleteDirectNumber(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    DirectNumber n = directNumber(tenant, id);
    numbers.deleteDirectNumber(tenant, id);
    audit(
        actor,
        client,
        AdminAuditActions.DELETED,
        "direct-number",
        id,
        Map.of("number", n.number().e164()));
  }

  /** Normalises a number with the tenant's numbering plan; a field error when it is none. */
  public PhoneNumber number(Checks checks, String field, String raw, TenantId tenant) {
    if (raw == null || raw.isBlank()) {
      checks.add(field, "required", field + " is required.");
      return null;
    }
    try {
      return PhoneNumber.parse(raw, plan(tenant));
    } catch (InvalidPhoneNumberException e) {
      checks.add(field, "not-a-number", "Not a phone number: " + e.reason() + ".");
      return null;
    }
  }

  public se.vittne.policy.number.NumberingPlan plan(TenantId tenant) {
    return tenants.find(tenant).map(TenantSettings::numberingPlan).orElseThrow();
  }

  private static String required(String name) {
    Checks checks = new Checks();
    String value = checks.required("name", name, 200);
    checks.orThrow();
    return value;
  }

  private void audit(
      Principal actor,
      ClientInfo client,
      String action,
      String type,
      UUID id,
      Map<String, ?> details) {
    auditor.record(actor, client, action, type, id, details);
  }
}
