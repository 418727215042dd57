package se.vittne.admin.tenants;

import static se.vittne.admin.access.Permission.OPERATE;
import static se.vittne.admin.access.Permission.VIEW_TENANT;

import io.javalin.http.Context;
import java.util.UUID;
import se.vittne.admin.access.Principal;
import se.vittne.admin.logins.LoginAdministration;
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
import se.vittne.admin.tenants.TenantViews.LicenceCount;
import se.vittne.admin.tenants.TenantViews.LicenceUsageView;
import se.vittne.admin.tenants.TenantViews.TenantInput;
import se.vittne.admin.tenants.TenantViews.TenantView;
import se.vittne.admin.tenants.TenantViews.TrunkInput;
import se.vittne.admin.tenants.TenantViews.TrunkView;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.Tenant;

/**
 * Operators' endpoints under /api/v1/tenants, and a super user's view of their own tenant
 * (/api/v1/tenant, /api/v1/licences).
 */
public final class TenantsApi implements RouteModule {
  private static final String TAG = "Tenants";
  private static final String TENANT = "/api/v1/tenants/{tenantId}";

  private final TenantService tenants;
  private final TrunkService trunks;
  private final LoginAdministration logins;

  public TenantsApi(TenantService tenants, TrunkService trunks, LoginAdministration logins) {
    this.tenants = tenants;
    this.trunks = trunks;
    this.logins = logins;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get("/api/v1/tenants", OPERATE, this::list)
        .doc(TAG, "Every tenant, by name")
        .query("offset", Integer.class, "Items to skip (default 0)")
        .query("limit", Integer.class, "Items per page, 1 to 500 (default 50)")
        .returns(200, "A page of tenants", Types.pageOf(TenantView.class));
    routes
        .post("/api/v1/tenants", OPERATE, this::create)
        .doc(TAG, "Add a tenant")
        .body(TenantInput.class)
        .returns(201, "Created", TenantView.class);
    routes
        .get(
            TENANT,
            OPERATE,
            (ctx, p) -> ctx.json(TenantView.of(id(ctx).value(), tenants.get(id(ctx)))))
        .doc(TAG, "One tenant")
        .returns(200, "The tenant", TenantView.class);
    routes
        .put(TENANT, OPERATE, this::update)
        .doc(TAG, "Replace a tenant's settings")
        .body(TenantInput.class)
        .returns(200, "Changed", TenantView.class);
    routes
        .delete(TENANT, OPERATE, this::delete)
        .doc(TAG, "Delete a tenant with everything it owns (not its audit log)")
        .requiredQuery("confirm", Boolean.class, "Must be true")
        .status(204, "Deleted");
    routes
        .get(TENANT + "/licences", OPERATE, this::usage)
        .doc(TAG, "A tenant's licences and their use (R-11)")
        .returns(200, "Licence use", LicenceUsageView.class);
    routes
        .put(TENANT + "/licences", OPERATE, this::setLicences)
        .doc(TAG, "Set a tenant's number of licences (R-11)")
        .body(LicenceCount.class)
        .returns(200, "Licence use", LicenceUsageView.class);
    routes
        .get(TENANT + "/trunks", OPERATE, this::listTrunks)
        .doc(TAG, "A tenant's PBX trunks (R-43)")
        .returns(200, "The trunks", Types.listOf(TrunkView.class));
    routes
        .post(TENANT + "/trunks", OPERATE, this::createTrunk)
        .doc(TAG, "Add a PBX trunk")
        .description("Digest passwords are stored as the RFC 7616 HA1 hash only.")
        .body(TrunkInput.class)
        .returns(201, "Created", TrunkView.class)
        .status(409, "A trunk of this name exists");
    routes
        .get(TENANT + "/trunks/{trunkId}", OPERATE, this::getTrunk)
        .doc(TAG, "One PBX trunk")
        .returns(200, "The trunk", TrunkView.class);
    routes
        .put(TENANT + "/trunks/{trunkId}", OPERATE, this::updateTrunk)
        .doc(TAG, "Replace a PBX trunk (leaving out digest removes the credentials)")
        .body(TrunkInput.class)
        .returns(200, "Changed", TrunkView.class);
    routes
        .delete(TENANT + "/trunks/{trunkId}", OPERATE, this::deleteTrunk)
        .doc(TAG, "Remove a PBX trunk")
        .status(204, "Removed");
    routes
        .get(TENANT + "/logins", OPERATE, this::listLogins)
        .doc(TAG, "A tenant's logins")
        .returns(200, "The logins", Types.listOf(LoginView.class));
    routes
        .post(TENANT + "/logins", OPERATE, this::createLogin)
        .doc(TAG, "Create a login of a tenant, e.g. its first super user")
        .description("The login gets the two invitation e-mails of R-21.")
        .body(NewLogin.class)
        .returns(201, "Created", LoginView.class)
        .status(409, "The address already has a login");
    routes
        .get("/api/v1/tenant", VIEW_TENANT, this::ownTenant)
        .doc(TAG, "One's own tenant")
        .returns(200, "The tenant", TenantView.class);
    routes
        .get("/api/v1/licences", VIEW_TENANT, this::ownUsage)
        .doc(TAG, "One's own tenant's licences and their use (R-11)")
        .returns(200, "Licence use", LicenceUsageView.class);
  }

  private TenantId id(Context ctx) {
    return tenants.existing(Params.id(ctx, "tenantId"));
  }

  private void list(Context ctx, Principal p) {
    ctx.json(Page.of(tenants.list().stream().map(TenantView::of).toList(), PageRequest.from(ctx)));
  }

  private void create(Context ctx, Principal p) {
    Tenant tenant = tenants.create(p, ClientInfo.of(ctx), Json.read(ctx, TenantInput.class));
    ctx.status(201).json(TenantView.of(tenant));
  }

  private void update(Context ctx, Principal p) {
    TenantId tenant = id(ctx);
    TenantInput input = Json.read(ctx, TenantInput.class);
    ctx.json(TenantView.of(tenant.value(), tenants.update(p, ClientInfo.of(ctx), tenant, input)));
  }

  private void delete(Context ctx, Principal p) {
    TenantId tenant = id(ctx);
    tenants.delete(p, ClientInfo.of(ctx), tenant, Params.flag(ctx, "confirm"));
    ctx.status(204);
  }

  private void usage(Context ctx, Principal p) {
    ctx.json(LicenceUsageView.of(tenants.usage(id(ctx))));
  }

  private void setLicences(Context ctx, Principal p) {
    TenantId tenant = id(ctx);
    LicenceCount input = Json.read(ctx, LicenceCount.class);
    ctx.json(
        LicenceUsageView.of(
            tenants.setLicenceCount(p, ClientInfo.of(ctx), tenant, input.licenceCount())));
  }

  private void listTrunks(Context ctx, Principal p) {
    ctx.json(trunks.list(id(ctx)).stream().map(TrunkView::of).toList());
  }

  private void createTrunk(Context ctx, Principal p) {
    TenantId tenant = id(ctx);
    TrunkInput input = Json.read(ctx, TrunkInput.class);
    ctx.status(201).json(TrunkView.of(trunks.create(p, ClientInfo.of(ctx), tenant, input)));
  }

  private void getTrunk(Context ctx, Principal p) {
    ctx.json(TrunkView.of(trunks.get(id(ctx), trunkId(ctx))));
  }

  private void updateTrunk(Context ctx, Principal p) {
    TenantId tenant = id(ctx);
    UUID trunk = trunkId(ctx);
    trunks.get(tenant, trunk);
    TrunkInput input = Json.read(ctx, TrunkInput.class);
    ctx.json(TrunkView.of(trunks.update(p, ClientInfo.of(ctx), tenant, trunk, input)));
  }

  private void deleteTrunk(Context ctx, Principal p) {
    trunks.delete(p, ClientInfo.of(ctx), id(ctx), trunkId(ctx));
    ctx.status(204);
  }

  private static UUID trunkId(Context ctx) {
    return Params.id(ctx, "trunkId");
  }

  private void listLogins(Context ctx, Principal p) {
    ctx.json(logins.list(id(ctx)).stream().map(LoginView::of).toList());
  }

  private void createLogin(Context ctx, Principal p) {
    TenantId tenant = id(ctx);
    NewLogin input = Json.read(ctx, NewLogin.class);
    ctx.status(201).json(LoginView.of(logins.create(p, ClientInfo.of(ctx), tenant, input)));
  }

  private void ownTenant(Context ctx, Principal p) {
    ctx.json(TenantView.of(p.tenantId().value(), tenants.get(p.tenantId())));
  }

  private void ownUsage(Context ctx, Principal p) {
    ctx.json(LicenceUsageView.of(tenants.usage(p.tenantId())));
  }
}
