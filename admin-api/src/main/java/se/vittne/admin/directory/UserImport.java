package se.vittne.admin.directory;

import java.util.ArrayList;
import java.util.Comparator;
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
import se.vittne.admin.logins.LoginAdministration;
import se.vittne.admin.logins.LoginProvisioner;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.directory.UserRole;
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

  private static final Map<String, String> HEADINGS = headings();

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

  /** One valid data row. */
  private record Row(
      int line,
      String extension,
      String name,
      Optional<String> email,
      Optional<String> department,
      boolean recordingEnabled,
      UserRole role) {}

  public ImportResult run(
      Principal actor, ClientInfo client, TenantId tenant, String text, boolean dryRun) {
    List<Csv.Record> records;
    try {
      records = Csv.parse(text, MAX_ROWS + 1);
    } catch (Csv.CsvException e) {
      throw invalid(List.of(new FieldError("file", "not-csv", e.getMessage(), e.line())), 0);
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> columns = columns(records, errors);
    List<Row> rows = new ArrayList<>();
    int dataRows = 0;
    for (Csv.Record record : records.subList(Math.min(1, records.size()), records.size())) {
      if (record.blank()) {
        continue;
      }
      dataRows++;
      if (columns != null) {
        row(record, columns, errors).ifPresent(rows::add);
      }
    }
    if (dataRows == 0 && errors.isEmpty()) {
      errors.add(new FieldError("file", "empty", "The file has no rows to import.", 1));
    }
    Context context = context(tenant);
    Map<Row, LoginSync.Plan> plans = new LinkedHashMap<>();
    // the rows valid on their own are also checked against each other and the directory, so that
    // one upload reports every error
    crossCheck(rows, errors);
    for (Row row : rows) {
      LoginSync.Plan plan = plan(context, row, false);
      if (plan instanceof LoginSync.Plan.EmailInUse) {
        errors.add(error(row.line(), "email", "email-in-use", "This address already has a login."));
      }
      plans.put(row, plan);
    }
    if (!errors.isEmpty()) {
      throw invalid(errors, dataRows);
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

  private static Map<String, Integer> columns(List<Csv.Record> records, List<FieldError> errors) {
    if (records.isEmpty()) {
      errors.add(new FieldError("file", "empty", "The file is empty; it needs a header line.", 1));
      return null;
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      String column = HEADINGS.get(normalise(header.get(i)));
      if (column != null && columns.putIfAbsent(column, i) != null) {
        errors.add(
            new FieldError(
                "header", "duplicate-column", "Column " + column + " appears twice.", 1));
      }
    }
    for (String required : List.of("extension", "name")) {
      if (!columns.containsKey(required)) {
        errors.add(
            new FieldError(
                "header",
                "missing-column",
                "The header needs a column '"
                    + required
                    + "' (columns: extension, name, email,"
                    + " department, recording_enabled, role).",
                1));
      }
    }
    return errors.isEmpty() ? columns : null;
  }

  private static Optional<Row> row(
      Csv.Record record, Map<String, Integer> columns, List<FieldError> errors) {
    int line = record.line();
    int before = errors.size();
    int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    if (record.fields().size() < width) {
      errors.add(
          error(
              line,
              "row",
              "missing-fields",
              "The line has "
                  + record.fields().size()
                  + " fields; the header needs "
                  + width
                  + "."));
      return Optional.empty();
    }
    String extension = value(record, columns, "extension");
    if (extension.isEmpty()) {
      errors.add(error(line, "extension", "required", "The extension is missing."));
    } else if (!UserService.EXTENSION.matcher(extension).matches()) {
      errors.add(
          error(line, "extension", "invalid-value", "'" + extension + "' is not an extension."));
    }
    String name = value(record, columns, "name");
    if (name.isEmpty()) {
      errors.add(error(line, "name", "required", "The name is missing."));
    } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(
          error(
              line, "name", "invalid-value", "The name is too long or holds control characters."));
    }
    String email = value(record, columns, "email");
    if (!email.isEmpty() && !Checks.isEmail(email)) {
      errors.add(error(line, "email", "not-an-email", "'" + email + "' is not an e-mail address."));
    }
    String department = value(record, columns, "department");
    if (department.length() > 200 || department.chars().anyMatch(Character::isISOControl)) {
      errors.add(error(line, "department", "invalid-value", "The department name is too long."));
    }
    Optional<Boolean> recording = yesNo(value(record, columns, "recording_enabled"));
    if (recording.isEmpty()) {
      errors.add(
          error(
              line,
              "recording_enabled",
              "invalid-value",
              "'" + value(record, columns, "recording_enabled") + "' is not yes or no."));
    }
    Optional<UserRole> role = role(value(record, columns, "role"));
    if (role.isEmpty()) {
      errors.add(
          error(
              line,
              "role",
              "invalid-value",
              "'"
                  + value(record, columns, "role")
                  + "' is not a role (none, my_console, super,"
                  + " restricted)."));
    } else if (role.get() != UserRole.NONE && email.isEmpty()) {
      errors.add(
          error(line, "email", "required", "A user with a web role needs an e-mail address."));
    } else if (role.get() == UserRole.RESTRICTED && department.isEmpty()) {
      errors.add(error(line, "department", "required", "A restricted user needs a department."));
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Row(
            line,
            extension,
            name,
            Optional.of(email).filter(e -> !e.isEmpty()),
            Optional.of(department).filter(d -> !d.isEmpty()),
            recording.get(),
            role.get()));
  }

  private static void crossCheck(List<Row> rows, List<FieldError> errors) {
    Map<String, Integer> extensions = new HashMap<>();
    Map<String, Integer> emails = new HashMap<>();
    for (Row row : rows) {
      Integer first = extensions.putIfAbsent(row.extension(), row.line());
      if (first != null) {
        errors.add(
            error(
                row.line(),
                "extension",
                "duplicate",
                "The extension is on line " + first + " too."));
      }
      if (row.email().isPresent()) {
        Integer firstEmail =
            emails.putIfAbsent(row.email().get().toLowerCase(Locale.ROOT), row.line());
        if (firstEmail != null) {
          errors.add(
              error(
                  row.line(),
                  "email",
                  "duplicate",
                  "The address is on line " + firstEmail + " too."));
        }
      }
    }
  }

  private static ProblemException.Invalid invalid(List<FieldError> errors, int rows) {
    List<FieldError> sorted =
        errors.stream()
            .sorted(Comparator.comparing((FieldError e) -> e.line() == null ? 0 : e.line()))
            .toList();
    long lines = sorted.stream().map(FieldError::line).distinct().count();
    return new ProblemException.Invalid(
        lines
            + " line(s) of the file have errors"
            + (rows > 0 ? " (of " + rows + " rows)" : "")
            + "; nothing was imported.",
        sorted);
  }

  private static FieldError error(int line, String field, String code, String message) {
    return new FieldError(field, code, message, line);
  }

  private static String value(Csv.Record record, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : record.fields().get(index).strip();
  }

  static Optional<Boolean> yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "", "no", "n", "false", "0", "nej", "off" -> Optional.of(false);
      case "yes", "y", "true", "1", "ja", "j", "x", "on" -> Optional.of(true);
      default -> Optional.empty();
    };
  }

  static Optional<UserRole> role(String value) {
    return switch (normalise(value)) {
      case "", "none", "ingen" -> Optional.of(UserRole.NONE);
      case "my_console", "myconsole", "console", "min_konsol" -> Optional.of(UserRole.MY_CONSOLE);
      case "super", "super_user", "superuser", "superanvandare" -> Optional.of(UserRole.SUPER);
      case "restricted", "restricted_user", "begransad", "begransad_anvandare" ->
          Optional.of(UserRole.RESTRICTED);
      default -> Optional.empty();
    };
  }

  private static String normalise(String heading) {
    return java.text.Normalizer.normalize(heading.strip(), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s-]+", "_");
  }

  private static Map<String, String> headings() {
    Map<String, String> h = new HashMap<>();
    for (String s : List.of("extension", "ext", "anknytning")) {
      h.put(s, "extension");
    }
    for (String s : List.of("name", "namn")) {
      h.put(s, "name");
    }
    for (String s : List.of("email", "e_mail", "e_post", "epost", "mail")) {
      h.put(s, "email");
    }
    for (String s : List.of("department", "avdelning")) {
      h.put(s, "department");
    }
    for (String s :
        List.of(
            "recording_enabled",
            "recording",
            "recordingenabled",
            "inspelning",
            "inspelning_aktiverad")) {
      h.put(s, "recording_enabled");
    }
    for (String s : List.of("role", "roll", "web_role", "webbroll")) {
      h.put(s, "role");
    }
    return Map.copyOf(h);
  }
}
