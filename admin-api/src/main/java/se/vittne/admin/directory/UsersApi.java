package se.vittne.admin.directory;

import static se.vittne.admin.access.Permission.MANAGE_DIRECTORY;
import static se.vittne.admin.access.Permission.VIEW_DIRECTORY;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import se.vittne.admin.access.Principal;
import se.vittne.admin.directory.DirectoryViews.ImportResult;
import se.vittne.admin.directory.DirectoryViews.UserInput;
import se.vittne.admin.directory.DirectoryViews.UserView;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Page;
import se.vittne.admin.server.PageRequest;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.storage.directory.DirectoryUser;

/** The tenant's users and their CSV import, under /api/v1/users. */
public final class UsersApi implements RouteModule {
  private static final String TAG = "Directory";

  private final UserService users;
  private final UserImport imports;

  public UsersApi(UserService users, UserImport imports) {
    this.users = users;
    this.imports = imports;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get("/api/v1/users", VIEW_DIRECTORY, this::list)
        .doc(TAG, "The tenant's users, by extension")
        .query("q", String.class, "Only users whose name, extension or e-mail holds this text")
        .query("offset", Integer.class, "Items to skip (default 0)")
        .query("limit", Integer.class, "Items per page, 1 to 500 (default 50)")
        .returns(200, "A page of users", Types.pageOf(UserView.class));
    routes
        .post("/api/v1/users", MANAGE_DIRECTORY, this::create)
        .doc(TAG, "Add a user")
        .description(
            "A user with a web role and an e-mail address gets a login and the invitation e-mails"
                + " of R-21.")
        .body(UserInput.class)
        .returns(201, "Created", UserView.class)
        .status(409, "The extension, a number or the e-mail address is in use");
    routes
        .post("/api/v1/users/import", MANAGE_DIRECTORY, this::importCsv)
        .doc(TAG, "Import users from CSV")
        .description(
            "Columns (header line, any order, English or Swedish): extension, name, email,"
                + " department, recording_enabled (yes/no), role (none, my_console, super,"
                + " restricted). Comma, semicolon or tab separated, UTF-8. Every row is checked"
                + " first: any error and nothing is imported (422 listing every error with its"
                + " line). A user whose extension exists is updated; missing departments are"
                + " created; users with a web role get a login and the e-mails of R-21.")
        .body("text/csv", String.class)
        .query("dryRun", Boolean.class, "Check the file and tell what would happen; write nothing")
        .returns(200, "Imported", ImportResult.class);
    routes
        .get("/api/v1/users/{userId}", VIEW_DIRECTORY, this::get)
        .doc(TAG, "One user")
        .returns(200, "The user", UserView.class);
    routes
        .put("/api/v1/users/{userId}", MANAGE_DIRECTORY, this::update)
        .doc(TAG, "Replace a user's fields")
        .body(UserInput.class)
        .returns(200, "Changed", UserView.class)
        .status(409, "The extension, a number or the e-mail address is in use");
    routes
        .delete("/api/v1/users/{userId}", MANAGE_DIRECTORY, this::delete)
        .doc(TAG, "Remove a user (recordings keep their copy of the user's details)")
        .status(204, "Removed");
  }

  private void list(Context ctx, Principal p) {
    Page<DirectoryUser> page =
        users.page(p.tenantId(), Params.query(ctx, "q"), PageRequest.from(ctx));
    Map<UUID, UUID> logins = users.loginsByUser(p.tenantId());
    ctx.json(
        new Page<>(
            page.items().stream().map(u -> UserView.of(u, logins.get(u.id()))).toList(),
            page.offset(),
            page.limit(),
            page.total()));
  }

  private UserView view(Principal p, DirectoryUser user) {
    return UserView.of(user, users.loginsByUser(p.tenantId()).get(user.id()));
  }

  private void create(Context ctx, Principal p) {
    UserInput input = Json.read(ctx, UserInput.class);
    ctx.status(201).json(view(p, users.create(p, ClientInfo.of(ctx), p.tenantId(), input)));
  }

  private void get(Context ctx, Principal p) {
    ctx.json(view(p, users.get(p.tenantId(), Params.id(ctx, "userId"))));
  }

  private void update(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "userId");
    users.get(p.tenantId(), id);
    UserInput input = Json.read(ctx, UserInput.class);
    ctx.json(view(p, users.update(p, ClientInfo.of(ctx), p.tenantId(), id, input)));
  }

  private void delete(Context ctx, Principal p) {
    users.delete(p, ClientInfo.of(ctx), p.tenantId(), Params.id(ctx, "userId"));
    ctx.status(204);
  }

  private void importCsv(Context ctx, Principal p) {
    Json.requireMediaType(ctx, "text/csv");
    String contentType = ctx.contentType();
    if (contentType != null
        && contentType.toLowerCase(java.util.Locale.ROOT).contains("charset=")
        && !contentType
            .toLowerCase(java.util.Locale.ROOT)
            .replace(" ", "")
            .contains("charset=utf-8")) {
      throw new ProblemException.UnsupportedMediaType("Send the CSV file as UTF-8.");
    }
    String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    ImportResult result =
        imports.run(p, ClientInfo.of(ctx), p.tenantId(), text, Params.flag(ctx, "dryRun"));
    ctx.json(result);
  }
}
