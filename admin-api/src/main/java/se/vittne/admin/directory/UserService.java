package se.vittne.admin.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.directory.DirectoryViews.UserInput;
import se.vittne.admin.logins.LoginAdministration;
import se.vittne.admin.logins.LoginProvisioner;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Page;
import se.vittne.admin.server.PageRequest;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserData;
import se.vittne.storage.directory.UserPages;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.directory.UserRole;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;

/** The tenant's users, with their logins kept in step ({@link LoginSync}). */
public final class UserService {
  static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z+*#._-]{1,64}");
  static final int MAX_NUMBERS = 20;

  private final DSLContext dsl;
  private final OrganisationService organisation;
  private final LoginSync sync;
  private final LoginProvisioner provisioner;
  private final LoginAdministration logins;
  private final Auditor auditor;

  public UserService(
      DSLContext dsl,
      OrganisationService organisation,
      LoginProvisioner provisioner,
      LoginAdministration logins,
      Auditor auditor) {
    this.dsl = dsl;
    this.organisation = organisation;
    this.sync = new LoginSync(provisioner);
    this.provisioner = provisioner;
    this.logins = logins;
    this.auditor = auditor;
  }

  public Page<DirectoryUser> page(TenantId tenant, Optional<String> text, PageRequest request) {
    UserPages.Page page = new UserPages(dsl).page(tenant, text, request.offset(), request.limit());
    return new Page<>(page.users(), request.offset(), request.limit(), page.total());
  }

  public DirectoryUser get(TenantId tenant, UUID id) {
    return new UserRepository(dsl)
        .find(tenant, id)
        .orElseThrow(() -> new ProblemException.NotFound("No such user."));
  }

  /** The logins linked to users, by user ID. */
  public Map<UUID, UUID> loginsByUser(TenantId tenant) {
    Map<UUID, UUID> byUser = new java.util.HashMap<>();
    for (Login l : new LoginRepository(dsl).list(tenant)) {
      l.user().ifPresent(u -> byUser.put(u, l.id()));
    }
    return byUser;
  }

  public DirectoryUser create(
      Principal actor, ClientInfo client, TenantId tenant, UserInput input) {
    UserData data = data(tenant, input);
    if (new UserRepository(dsl).byExtension(tenant, data.extension()).isPresent()) {
      throw new ProblemException.Conflict(
          "extension-in-use", "Extension in use", "Another user has this extension.");
    }
    return save(actor, client, tenant, Optional.empty(), data);
  }

  public DirectoryUser update(
      Principal actor, ClientInfo client, TenantId tenant, UUID id, UserInput input) {
    get(tenant, id);
    UserData data = data(tenant, input);
    Optional<DirectoryUser> other = new UserRepository(dsl).byExtension(tenant, data.extension());
    if (other.isPresent() && !other.get().id().equals(id)) {
      throw new ProblemException.Conflict(
          "extension-in-use", "Extension in use", "Another user has this extension.");
    }
    return save(actor, client, tenant, Optional.of(id), data);
  }

  private DirectoryUser save(
      Principal actor, ClientInfo client, TenantId tenant, Optional<UUID> id, UserData data) {
    LoginRepository loginRepository = new LoginRepository(dsl);
    LoginSync.Plan plan =
        sync.plan(
            loginRepository, loginRepository.list(tenant), id, data.email(), data.role(), true);
    if (plan instanceof LoginSync.Plan.EmailInUse) {
      throw new ProblemException.Conflict(
          "email-in-use", "Address in use", "The user's e-mail address already has a login.");
    }
    record Saved(DirectoryUser user, Optional<Login> login) {}
    Saved saved =
        dsl.transactionResult(c -> {
          DSLContext tx = DSL.using(c);
          UserRepository users = new UserRepository(tx);
          UUID userId;
          if (id.isPresent()) {
            users.update(tenant, id.get(), data);
            userId = id.get();
          } else {
            userId = users.create(tenant, data).id();
          }
          Optional<Login> created = sync.apply(tx, tenant, userId, data.department(), plan);
          auditor
              .within(tx)
              .record(
                  actor,
                  client,
                  id.isPresent() ? AdminAuditActions.UPDATED : AdminAuditActions.CREATED,
                  "user",
                  userId,
                  Map.of(
                      "extension", data.extension(),
                      "role", data.role().name(),
                      "recordingEnabled", data.recordingEnabled()));
          return new Saved(users.find(tenant, userId).orElseThrow(), created);
        });
    saved
        .login()
        .ifPresent(login ->
            provisioner.invite(
                login, logins.organisation(tenant), ((LoginSync.Plan.Create) plan).prepared()));
    return saved.user();
  }

  public void delete(Principal actor, ClientInfo client, TenantId tenant, UUID id) {
    DirectoryUser user = get(tenant, id);
    new UserRepository(dsl).delete(tenant, id);
    auditor.record(
        actor,
        client,
        AdminAuditActions.DELETED,
        "user",
        id,
        Map.of("extension", user.data().extension()));
  }

  /** Validates a user's fields against the tenant's own departments and org units. */
  UserData data(TenantId tenant, UserInput input) {
    Checks checks = new Checks();
    String name = checks.required("name", input.name(), 200);
    String extension = checks.required("extension", input.extension(), 64);
    if (extension != null && !EXTENSION.matcher(extension).matches()) {
      checks.add(
          "extension", "invalid-value", "An extension holds digits, letters and + * # . _ -");
    }
    Optional<String> email = Optional.empty();
    if (input.email() != null && !input.email().isBlank()) {
      email = Optional.ofNullable(checks.email("email", input.email()));
    }
    Optional<String> title = checks.optional("title", input.title(), 200);
    OrganisationRepository org = new OrganisationRepository(dsl);
    if (input.departmentId() != null && org.department(tenant, input.departmentId()).isEmpty()) {
      checks.add("departmentId", "unknown", "No such department.");
    }
    unit(checks, org, tenant, "districtId", input.districtId(), OrgUnitKind.DISTRICT);
    unit(checks, org, tenant, "costCentreId", input.costCentreId(), OrgUnitKind.COST_CENTRE);
    unit(checks, org, tenant, "officeId", input.officeId(), OrgUnitKind.OFFICE);
    UserRole role = input.role() == null ? UserRole.NONE : input.role();
    if (role != UserRole.NONE && email.isEmpty() && checks.ok()) {
      checks.add("email", "required", "A user with a web role needs an e-mail address to log in.");
    }
    if (role == UserRole.RESTRICTED && input.departmentId() == null) {
      checks.add(
          "departmentId", "required", "A restricted user listens to their own department: set it.");
    }
    Set<PhoneNumber> numbers = new HashSet<>();
    List<String> given = input.numbers() == null ? List.of() : input.numbers();
    if (given.size() > MAX_NUMBERS) {
      checks.add("numbers", "too-many", "At most " + MAX_NUMBERS + " numbers.");
    }
    for (int i = 0; i < given.size() && i < MAX_NUMBERS; i++) {
      PhoneNumber n = organisation.number(checks, "numbers[" + i + "]", given.get(i), tenant);
      if (n != null) {
        numbers.add(n);
      }
    }
    checks.orThrow();
    return new UserData(
        name,
        extension,
        email,
        title,
        Optional.ofNullable(input.departmentId()),
        Optional.ofNullable(input.districtId()),
        Optional.ofNullable(input.costCentreId()),
        Optional.ofNullable(input.officeId()),
        Boolean.TRUE.equals(input.recordingEnabled()),
        role,
        numbers);
  }

  private static void unit(
      Checks checks,
      OrganisationRepository org,
      TenantId tenant,
      String field,
      UUID id,
      OrgUnitKind kind) {
    if (id != null && org.orgUnits(tenant, kind).stream().noneMatch(u -> u.id().equals(id))) {
      checks.add(
          field,
          "unknown",
          "No such " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
    }
  }
}
