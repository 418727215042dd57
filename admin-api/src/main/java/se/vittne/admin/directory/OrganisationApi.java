package se.vittne.admin.directory;

import static se.vittne.admin.access.Permission.MANAGE_DIRECTORY;
import static se.vittne.admin.access.Permission.VIEW_ORGANISATION;

import io.javalin.http.Context;
import java.util.UUID;
import se.vittne.admin.directory.DirectoryViews.AnswerGroupInput;
import se.vittne.admin.directory.DirectoryViews.AnswerGroupView;
import se.vittne.admin.directory.DirectoryViews.DepartmentInput;
import se.vittne.admin.directory.DirectoryViews.DepartmentView;
import se.vittne.admin.directory.DirectoryViews.DirectNumberInput;
import se.vittne.admin.directory.DirectoryViews.DirectNumberView;
import se.vittne.admin.directory.DirectoryViews.OrgUnitInput;
import se.vittne.admin.directory.DirectoryViews.OrgUnitView;
import se.vittne.admin.directory.DirectoryViews.RenameInput;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.storage.directory.OrgUnitKind;

/**
 * Departments, districts/cost centres/offices, answer groups and direct numbers. Super users change
 * them; restricted users may read them too (they filter recordings by them).
 */
public final class OrganisationApi implements RouteModule {
  private static final String TAG = "Directory";

  private final OrganisationService organisation;

  public OrganisationApi(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @Override
  public void register(Routes routes) {
    departments(routes);
    orgUnits(routes);
    groups(routes);
    directNumbers(routes);
  }

  private void departments(Routes routes) {
    String one = "/api/v1/departments/{departmentId}";
    routes
        .get(
            "/api/v1/departments",
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(
                    organisation.departments(p.tenantId()).stream()
                        .map(DepartmentView::of)
                        .toList()))
        .doc(TAG, "The tenant's departments")
        .returns(200, "The departments", Types.listOf(DepartmentView.class));
    routes
        .post(
            "/api/v1/departments",
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              DepartmentInput input = Json.read(ctx, DepartmentInput.class);
              ctx.status(201)
                  .json(
                      DepartmentView.of(
                          organisation.createDepartment(
                              p, ClientInfo.of(ctx), p.tenantId(), input)));
            })
        .doc(TAG, "Add a department")
        .body(DepartmentInput.class)
        .returns(201, "Created", DepartmentView.class)
        .status(409, "The key is in use");
    routes
        .get(
            one,
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(
                    DepartmentView.of(
                        organisation.department(p.tenantId(), id(ctx, "departmentId")))))
        .doc(TAG, "One department")
        .returns(200, "The department", DepartmentView.class);
    routes
        .put(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              UUID id = id(ctx, "departmentId");
              organisation.department(p.tenantId(), id);
              RenameInput input = Json.read(ctx, RenameInput.class);
              ctx.json(
                  DepartmentView.of(
                      organisation.renameDepartment(
                          p, ClientInfo.of(ctx), p.tenantId(), id, input.name())));
            })
        .doc(TAG, "Rename a department (its key stays)")
        .body(RenameInput.class)
        .returns(200, "Renamed", DepartmentView.class);
    routes
        .delete(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              organisation.deleteDepartment(
                  p, ClientInfo.of(ctx), p.tenantId(), id(ctx, "departmentId"));
              ctx.status(204);
            })
        .doc(TAG, "Remove a department")
        .status(204, "Removed")
        .status(409, "Users or logins still belong to it");
  }

  private void orgUnits(Routes routes) {
    String one = "/api/v1/org-units/{orgUnitId}";
    routes
        .get(
            "/api/v1/org-units",
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(
                    organisation
                        .orgUnits(p.tenantId(), Params.enumeration(ctx, "kind", OrgUnitKind.class))
                        .stream()
                        .map(OrgUnitView::of)
                        .toList()))
        .doc(TAG, "The tenant's districts, cost centres and offices")
        .query("kind", OrgUnitKind.class, "Only this kind")
        .returns(200, "The units", Types.listOf(OrgUnitView.class));
    routes
        .post(
            "/api/v1/org-units",
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              OrgUnitInput input = Json.read(ctx, OrgUnitInput.class);
              ctx.status(201)
                  .json(
                      OrgUnitView.of(
                          organisation.createOrgUnit(p, ClientInfo.of(ctx), p.tenantId(), input)));
            })
        .doc(TAG, "Add a district, cost centre or office")
        .body(OrgUnitInput.class)
        .returns(201, "Created", OrgUnitView.class)
        .status(409, "One of this kind and name exists");
    routes
        .get(
            one,
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(OrgUnitView.of(organisation.orgUnit(p.tenantId(), id(ctx, "orgUnitId")))))
        .doc(TAG, "One district, cost centre or office")
        .returns(200, "The unit", OrgUnitView.class);
    routes
        .put(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              UUID id = id(ctx, "orgUnitId");
              organisation.orgUnit(p.tenantId(), id);
              RenameInput input = Json.read(ctx, RenameInput.class);
              ctx.json(
                  OrgUnitView.of(
                      organisation.renameOrgUnit(
                          p, ClientInfo.of(ctx), p.tenantId(), id, input.name())));
            })
        .doc(TAG, "Rename a district, cost centre or office")
        .body(RenameInput.class)
        .returns(200, "Renamed", OrgUnitView.class);
    routes
        .delete(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              organisation.deleteOrgUnit(p, ClientInfo.of(ctx), p.tenantId(), id(ctx, "orgUnitId"));
              ctx.status(204);
            })
        .doc(TAG, "Remove a district, cost centre or office")
        .status(204, "Removed")
        .status(409, "Users still belong to it");
  }

  private void groups(Routes routes) {
    String one = "/api/v1/answer-groups/{groupId}";
    routes
        .get(
            "/api/v1/answer-groups",
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(
                    organisation.groups(p.tenantId()).stream().map(AnswerGroupView::of).toList()))
        .doc(TAG, "The tenant's answer groups")
        .returns(200, "The groups", Types.listOf(AnswerGroupView.class));
    routes
        .post(
            "/api/v1/answer-groups",
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              AnswerGroupInput input = Json.read(ctx, AnswerGroupInput.class);
              ctx.status(201)
                  .json(
                      AnswerGroupView.of(
                          organisation.createGroup(p, ClientInfo.of(ctx), p.tenantId(), input)));
            })
        .doc(TAG, "Add an answer group")
        .body(AnswerGroupInput.class)
        .returns(201, "Created", AnswerGroupView.class)
        .status(409, "The key or number is in use");
    routes
        .get(
            one,
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(AnswerGroupView.of(organisation.group(p.tenantId(), id(ctx, "groupId")))))
        .doc(TAG, "One answer group")
        .returns(200, "The group", AnswerGroupView.class);
    routes
        .put(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              UUID id = id(ctx, "groupId");
              organisation.group(p.tenantId(), id);
              AnswerGroupInput input = Json.read(ctx, AnswerGroupInput.class);
              ctx.json(
                  AnswerGroupView.of(
                      organisation.updateGroup(p, ClientInfo.of(ctx), p.tenantId(), id, input)));
            })
        .doc(TAG, "Rename an answer group or change its number (its key stays)")
        .body(AnswerGroupInput.class)
        .returns(200, "Changed", AnswerGroupView.class);
    routes
        .delete(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              organisation.deleteGroup(p, ClientInfo.of(ctx), p.tenantId(), id(ctx, "groupId"));
              ctx.status(204);
            })
        .doc(TAG, "Remove an answer group")
        .status(204, "Removed");
  }

  private void directNumbers(Routes routes) {
    String one = "/api/v1/direct-numbers/{numberId}";
    routes
        .get(
            "/api/v1/direct-numbers",
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(
                    organisation.directNumbers(p.tenantId()).stream()
                        .map(DirectNumberView::of)
                        .toList()))
        .doc(TAG, "The tenant's direct numbers (DDIs)")
        .returns(200, "The numbers", Types.listOf(DirectNumberView.class));
    routes
        .post(
            "/api/v1/direct-numbers",
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              DirectNumberInput input = Json.read(ctx, DirectNumberInput.class);
              ctx.status(201)
                  .json(
                      DirectNumberView.of(
                          organisation.createDirectNumber(
                              p, ClientInfo.of(ctx), p.tenantId(), input)));
            })
        .doc(TAG, "Add a direct number")
        .description("Written in E.164 or as dialled in the tenant's country; stored in E.164.")
        .body(DirectNumberInput.class)
        .returns(201, "Created", DirectNumberView.class)
        .status(409, "The number exists");
    routes
        .get(
            one,
            VIEW_ORGANISATION,
            (ctx, p) ->
                ctx.json(
                    DirectNumberView.of(
                        organisation.directNumber(p.tenantId(), id(ctx, "numberId")))))
        .doc(TAG, "One direct number")
        .returns(200, "The number", DirectNumberView.class);
    routes
        .delete(
            one,
            MANAGE_DIRECTORY,
            (ctx, p) -> {
              organisation.deleteDirectNumber(
                  p, ClientInfo.of(ctx), p.tenantId(), id(ctx, "numberId"));
              ctx.status(204);
            })
        .doc(TAG, "Remove a direct number")
        .status(204, "Removed");
  }

  private static UUID id(Context ctx, String name) {
    return Params.id(ctx, name);
  }
}
