package se.vittne.admin.web.config;

import static se.vittne.admin.access.Permission.MANAGE_LOGINS;
import static se.vittne.admin.access.Permission.VIEW_LOGINS;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.auth.AuthViews.Flags;
import se.vittne.admin.directory.OrganisationService;
import se.vittne.admin.logins.LoginAdministration;
import se.vittne.admin.logins.LoginViews.LoginUpdate;
import se.vittne.admin.logins.LoginViews.LoginView;
import se.vittne.admin.logins.LoginViews.NewLogin;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Form;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.LoginRole;

/**
 * Configuration > Login: the tenant's logins with type, extension and status; a login's page
 * to change its type (restricted users with their departments), flags and activation; create and
 * delete.
 */
public final class LoginPages implements RouteModule {
  private static final String PAGE = "/config/logins";
  private static final Map<String, String> FIELDS =
      Map.of("permissions", "flags", "userId", "user");

  private final LoginAdministration logins;
  private final OrganisationService organisation;
  private final DSLContext dsl;
  private final Templates templates;

  public LoginPages(
      LoginAdministration logins,
      OrganisationService organisation,
      DSLContext dsl,
      Templates templates) {
    this.logins = logins;
    this.organisation = organisation;
    this.dsl = dsl;
    this.templates = templates;
  }

  /** The list: each login with its directory user, and the new login's form. */
  public record ListModel(
      List<LoginView> logins,
      Map<UUID, DirectoryUser> users,
      List<DirectoryUser> allUsers,
      Form form) {
    public String extension(LoginView l) {
      return l.userId() == null || !users.containsKey(l.userId())
          ? ""
          : users.get(l.userId()).data().extension();
    }
  }

  /** One login's page. */
  public record EditModel(
      LoginView login, List<Department> departments, List<DirectoryUser> users, Form form) {}

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get(PAGE, VIEW_LOGINS, this::list), "Logins");
    Pages.form(routes.post(PAGE, MANAGE_LOGINS, this::create), "Create a login");
    Pages.doc(routes.get(PAGE + "/{loginId}", VIEW_LOGINS, this::edit), "A login");
    Pages.form(routes.post(PAGE + "/{loginId}", MANAGE_LOGINS, this::update), "Change a login");
    Pages.form(
        routes.post(PAGE + "/{loginId}/delete", MANAGE_LOGINS, this::delete), "Delete a login");
  }

  private List<DirectoryUser> users(Principal p) {
    return new UserRepository(dsl).list(p.tenantId());
  }

  private ListModel listModel(Principal p, Form form) {
    List<DirectoryUser> users = users(p);
    return new ListModel(
        logins.list(p.tenantId()).stream().map(LoginView::of).toList(),
        users.stream().collect(Collectors.toMap(DirectoryUser::id, Function.identity())),
        users,
        form);
  }

  private void list(Context ctx, Principal p) {
    templates.render(
        ctx,
        "config/logins.jte",
        View.of(ctx, p, View.Section.CONFIGURATION),
        listModel(p, Form.empty()));
  }

  private void create(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    Form form = Form.of(ctx, "email", "role", "user", "language");
    try {
      logins.create(
          p,
          ClientInfo.of(ctx),
          p.tenantId(),
          new NewLogin(
              form.get("email").strip(),
              role(form.get("role")),
              flags(ctx),
              List.of(),
              uuid(form.get("user")),
              form.get("language").isBlank() ? view.lang() : form.get("language")));
    } catch (ProblemException.Invalid | ProblemException.Conflict e) {
      form.errors(view.t(), e, FIELDS);
      ctx.status(e.status());
      templates.render(ctx, "config/logins.jte", view, listModel(p, form));
      return;
    }
    Pages.done(ctx, PAGE, "loginCreated");
  }

  private void edit(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "loginId");
    render(ctx, p, id, Form.empty());
  }

  private void render(Context ctx, Principal p, UUID id, Form form) {
    templates.render(
        ctx,
        "config/login.jte",
        View.of(ctx, p, View.Section.CONFIGURATION),
        new EditModel(
            LoginView.of(logins.get(p.tenantId(), id)),
            organisation.departments(p.tenantId()),
            users(p),
            form));
  }

  private void update(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "loginId");
    logins.get(p.tenantId(), id);
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    Form form = new Form();
    LoginRole role = role(ctx.formParam("role"));
    try {
      logins.update(
          p,
          ClientInfo.of(ctx),
          p.tenantId(),
          id,
          new LoginUpdate(
              role,
              flags(ctx),
              role == LoginRole.RESTRICTED
                  ? ctx.formParams("departments").stream()
                      .map(LoginPages::uuid)
                      .filter(u -> u != null)
                      .toList()
                  : List.of(),
              uuid(ctx.formParam("user")),
              ctx.formParam("active") != null));
    } catch (ProblemException.Invalid | ProblemException.Conflict e) {
      form.errors(view.t(), e, FIELDS);
      ctx.status(e.status());
      render(ctx, p, id, form);
      return;
    }
    Pages.done(ctx, PAGE, "loginSaved");
  }

  private void delete(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "loginId");
    try {
      logins.delete(p, ClientInfo.of(ctx), p.tenantId(), id);
    } catch (ProblemException.Conflict e) {
      Pages.done(ctx, PAGE, "ownLogin");
      return;
    }
    Pages.done(ctx, PAGE, "loginDeleted");
  }

  private static Flags flags(Context ctx) {
    return new Flags(
        ctx.formParam("mayListen") != null,
        ctx.formParam("mayDownload") != null,
        ctx.formParam("mayEmail") != null);
  }

  private static LoginRole role(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "MY_CONSOLE" -> LoginRole.MY_CONSOLE;
      case "SUPER" -> LoginRole.SUPER;
      case "RESTRICTED" -> LoginRole.RESTRICTED;
      default -> null;
    };
  }

  static UUID uuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Optional<String> text(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
