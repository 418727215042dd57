package se.vittne.admin.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.directory.DirectoryViews.ImportResult;
import se.vittne.admin.directory.ImportFile.Row;
import se.vittne.admin.logins.LoginAdministration;
import se.vittne.admin.logins.LoginProvisioner;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.FieldError;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;

/**
 * The CSV import of users from the PBX's user administration: columns extension, name,
 * e-mail, department, recording enabled and role (English or Swedish headings, any order; other
 * columns are ignored). Every row is checked first, against the file and against the directory; any
 * error, and nothing is imported, and every error names its line. Otherwise everything is imported
 * in one transaction: a user whose extension exists is updated, missing departments are created,
 * and users given a web role get a login and the e-mails of R-21 once it has committed.
 */
public final class UserImport {
  static final int MAX_ROWS = 10_000;

  private final DSLContext dsl;
  private final LoginSync sync;
  private final LoginProvisioner provisioner;
  private final LoginAdministration logins;
  private final Auditor auditor;

  public UserImport(
      DSLContext dsl, LoginProvisioner provisioner, LoginAdministration logins, Auditor auditor) {
    this.dsl = dsl;
    this.sync = new LoginSync(provisioner);
    this.provisioner = provisioner;
    this.logins = logins;
    this.auditor = auditor;
  }

  public ImportResult run(
      Principal actor, ClientInfo client, TenantId tenant, String text, boolean dryRun) {
    ImportFile file = ImportFile.read(text, MAX_ROWS);
    List<FieldError> errors = new ArrayList<>(file.errors());
    List<Row> rows = file.rows();
    int dataRows = file.dataRows();
    Context context = context(tenant);
    Map<Row, LoginSync.Plan> plans = new LinkedHashMap<>();
    // the rows valid on their own are also checked against the directory, so that one upload
    // reports every error
    for (Row row : rows) {
      LoginSync.Plan plan = plan(context, row, false);
      if (plan instanceof LoginSync.Plan.EmailInUse) {
        errors.add(
            ImportFile.error(
                row.line(), "email", "email-in-use", "This address already has a login."));
      }
      plans.put(row, plan);
    }
    if (!errors.isEmpty()) {
      throw ImportFile.invalid(errors, dataRows);
    }
    List<String> newDepartments =
        rows.stream()
            .flatMap(r -> r.department().stream())
            .filter(d -> !context.departments().containsKey(d.toLowerCase(Locale.ROOT)))
            .map(d -> d.toLowerCase(Locale.ROOT))
            .distinct()
            .map(lower ->
                rows.stream()
                    .flatMap(r -> r.department().stream())
                    .filter(d -> d.toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst()
                    .orElseThrow())
            .toList();
    int updated =
        (int) rows.stream().filter(r -> context.users().containsKey(r.extension())).count();
    int loginsToCreate =
        (int) plans.values().stream().filter(p -> p instanceof LoginSync.Plan.Create).count();
    if (dryRun) {
      return new ImportResult(
          rows.size(), rows.size() - updated, updated, newDepartments, loginsToCreate, true);
    }
    plans.replaceAll(
        (row, plan) -> plan instanceof LoginSync.Plan.Create ? plan(context, row, true) : plan);
    List<Invite> invites = write(actor, client, tenant, context, plans, newDepartments);
    String organisation = logins.organisation(tenant);
    invites.forEach(i -> provisioner.invite(i.login(), organisation, i.prepared()));
    return new ImportResult(
        rows.size(), rows.size() - updated, updated, newDepartments, invites.size(), false);
  }

  private record Invite(Login login, LoginProvisioner.Prepared prepared) {}

  /** What the directory holds already. */
  private record Context(
      Map<String, DirectoryUser> users,
      Map<String, Department> departments,
      List<Login> logins,
      LoginRepository loginRepository) {}

  private Context context(TenantId tenant) {
    Map<String, DirectoryUser> users = new HashMap<>();
    new UserRepository(dsl).list(tenant).forEach(u -> users.put(u.data().extension(), u));
    Map<String, Department> departments = new HashMap<>();
    new OrganisationRepository(dsl)
        .departments(tenant)
        .forEach(d -> departments.putIfAbsent(d.name().toLowerCase(Locale.ROOT), d));
    LoginRepository loginRepository = new LoginRepository(dsl);
    return new Context(users, departments, loginRepository.list(tenant), loginRepository);
  }

  private LoginSync.Plan plan(Context context, Row row, boolean prepare) {
    Optional<UUID> existing =
        Optional.ofNullable(context.users().get(row.extension())).map(DirectoryUser::id);
    return sync.plan(
        context.loginRepository(), context.logins(), existing, row.email(), row.role(), prepare);
  }

  private List<Invite> write(
      Principal actor,
      ClientInfo client,
      TenantId tenant,
      Context context,
      Map<Row, LoginSync.Plan> plans,
      List<String> newDepartments) {
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      OrganisationRepository org = new OrganisationRepository(tx);
      Map<String, Department> departments = new HashMap<>(context.departments());
      for (String name : newDepartments) {
        String key =
            Keys.from(name, k -> org.departmentByKey(tenant, new DepartmentId(k)).isPresent());
        departments.put(
            name.toLowerCase(Locale.ROOT),
            org.createDepartment(tenant, new DepartmentId(key), name));
      }
      UserRepository users = new UserRepository(tx);
      List<Invite> invites = new ArrayList<>();
      for (Map.Entry<Row, LoginSync.Plan> entry : plans.entrySet()) {
        Row row = entry.getKey();
        Optional<UUID> department =
            row.department().map(d -> departments.get(d.toLowerCase(Locale.ROOT)).id());
        DirectoryUser existing = context.users().get(row.extension());
        UUID userId;
        if (existing != null) {
          UserData d = existing.data();
          users.update(
              tenant,
              existing.id(),
              new UserData(
                  row.name(),
                  row.extension(),
                  row.email(),
                  d.title(),
                  department,
                  d.district(),
                  d.costCentre(),
                  d.office(),
                  row.recordingEnabled(),
                  row.role(),
                  d.numbers()));
          userId = existing.id();
        } else {
          UserData data = UserData.of(row.name(), row.extension());
          userId =
              users
                  .create(
                      tenant,
                      new UserData(
                          row.name(),
                          row.extension(),
                          row.email(),
                          Optional.empty(),
                          department,
                          Optional.empty(),
                          Optional.empty(),
                          Optional.empty(),
                          row.recordingEnabled(),
                          row.role(),
                          data.numbers()))
                  .id();
        }
        sync.apply(tx, tenant, userId, department, entry.getValue())
            .ifPresent(login ->
                invites.add(
                    new Invite(login, ((LoginSync.Plan.Create) entry.getValue()).prepared())));
      }
      auditor
          .within(tx)
          .record(
              actor,
              client,
              AdminAuditActions.USERS_IMPORTED,
              "directory",
              tenant,
              Map.of(
                  "rows", plans.size(),
                  "departmentsCreated", newDepartments.size(),
                  "loginsCreated", invites.size()));
      return invites;
    });
  }
}
