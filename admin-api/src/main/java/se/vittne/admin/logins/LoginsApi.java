package se.vittne.admin.logins;

import static se.vittne.admin.access.Permission.MANAGE_LOGINS;
import static se.vittne.admin.access.Permission.VIEW_LOGINS;

import io.javalin.http.Context;
import se.vittne.admin.access.Principal;
import se.vittne.admin.logins.LoginViews.LoginUpdate;
import se.vittne.admin.logins.LoginViews.LoginView;
import se.vittne.admin.logins.LoginViews.NewLogin;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Page;
import se.vittne.admin.server.PageRequest;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.storage.login.Login;

/** A super user's logins of their own tenant, under /api/v1/logins. */
public final class LoginsApi implements RouteModule {
  private static final String TAG = "Logins";

  private final LoginAdministration logins;

  public LoginsApi(LoginAdministration logins) {
    this.logins = logins;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get("/api/v1/logins", VIEW_LOGINS, this::list)
        .doc(TAG, "The tenant's logins, by e-mail address")
        .query("offset", Integer.class, "Items to skip (default 0)")
        .query("limit", Integer.class, "Items per page, 1 to 500 (default 50)")
        .returns(200, "A page of logins", Types.pageOf(LoginView.class));
    routes
        .post("/api/v1/logins", MANAGE_LOGINS, this::create)
        .doc(TAG, "Create a login")
        .description(
            "The login gets two e-mails (R-21): a link to the web app, and separately a temporary"
                + " password to change at the first login.")
        .body(NewLogin.class)
        .returns(201, "Created", LoginView.class)
        .status(409, "The address already has a login");
    routes
        .get("/api/v1/logins/{loginId}", VIEW_LOGINS, this::get)
        .doc(TAG, "One login")
        .returns(200, "The login", LoginView.class);
    routes
        .put("/api/v1/logins/{loginId}", MANAGE_LOGINS, this::update)
        .doc(TAG, "Change a login's role, flags, departments, user or activation")
        .body(LoginUpdate.class)
        .returns(200, "Changed", LoginView.class)
        .status(409, "One's own role or activation");
    routes
        .delete("/api/v1/logins/{loginId}", MANAGE_LOGINS, this::delete)
        .doc(TAG, "Delete a login")
        .status(204, "Deleted")
        .status(409, "One's own login");
    routes
        .post("/api/v1/logins/{loginId}/temporary-password", MANAGE_LOGINS, this::temporary)
        .doc(TAG, "Mail a login a new temporary password")
        .description("Its sessions end; it must choose a new password at its next login.")
        .status(204, "Sent");
  }

  private void list(Context ctx, Principal p) {
    ctx.json(
        Page.of(
            logins.list(p.tenantId()).stream().map(LoginView::of).toList(), PageRequest.from(ctx)));
  }

  private void create(Context ctx, Principal p) {
    NewLogin input = Json.read(ctx, NewLogin.class);
    Login login = logins.create(p, ClientInfo.of(ctx), p.tenantId(), input);
    ctx.status(201).json(LoginView.of(login));
  }

  private void get(Context ctx, Principal p) {
    ctx.json(LoginView.of(logins.get(p.tenantId(), Params.id(ctx, "loginId"))));
  }

  private void update(Context ctx, Principal p) {
    var id = Params.id(ctx, "loginId");
    logins.get(p.tenantId(), id);
    LoginUpdate input = Json.read(ctx, LoginUpdate.class);
    ctx.json(LoginView.of(logins.update(p, ClientInfo.of(ctx), p.tenantId(), id, input)));
  }

  private void delete(Context ctx, Principal p) {
    logins.delete(p, ClientInfo.of(ctx), p.tenantId(), Params.id(ctx, "loginId"));
    ctx.status(204);
  }

  private void temporary(Context ctx, Principal p) {
    logins.newTemporaryPassword(p, ClientInfo.of(ctx), p.tenantId(), Params.id(ctx, "loginId"));
    ctx.status(204);
  }
}
