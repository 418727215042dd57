package se.vittne.admin.policy;

import static se.vittne.admin.access.Permission.MANAGE_POLICY;
import static se.vittne.admin.access.Permission.VIEW_POLICY;

import io.javalin.http.Context;
import se.vittne.admin.access.Principal;
import se.vittne.admin.policy.PolicyViews.AnnouncementInput;
import se.vittne.admin.policy.PolicyViews.AppliedView;
import se.vittne.admin.policy.PolicyViews.DirectionView;
import se.vittne.admin.policy.PolicyViews.DraftView;
import se.vittne.admin.policy.PolicyViews.GroupPolicyInput;
import se.vittne.admin.policy.PolicyViews.NumberInput;
import se.vittne.admin.policy.PolicyViews.PauseInput;
import se.vittne.admin.policy.PolicyViews.PolicyDocument;
import se.vittne.admin.policy.PolicyViews.PolicyOverview;
import se.vittne.admin.policy.PolicyViews.SimulationRequest;
import se.vittne.admin.policy.PolicyViews.SimulationResult;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.server.Types;
import se.vittne.policy.Direction;

/** Policy rules (R-3x) under /api/v1/policy: read, edit the draft, apply, cancel, test a call. */
public final class PolicyApi implements RouteModule {
  private static final String TAG = "Policy";
  private static final String DRAFT = "/api/v1/policy/draft";

  private final PolicyService policies;
  private final PolicySimulator simulator;

  public PolicyApi(PolicyService policies, PolicySimulator simulator) {
    this.policies = policies;
    this.simulator = simulator;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get("/api/v1/policy", VIEW_POLICY, (ctx, p) -> ctx.json(policies.overview(p.tenantId())))
        .doc(TAG, "The applied policy and the draft, if there is one")
        .returns(200, "The policy", PolicyOverview.class);
    routes
        .get(
            "/api/v1/policy/versions",
            VIEW_POLICY,
            (ctx, p) -> ctx.json(policies.versions(p.tenantId())))
        .doc(TAG, "Every applied version, newest first")
        .returns(200, "The versions", Types.listOf(AppliedView.class));
    routes
        .get("/api/v1/policy/versions/{version}", VIEW_POLICY, this::version)
        .doc(TAG, "One applied version")
        .returns(200, "The version", AppliedView.class);
    routes
        .get(DRAFT, VIEW_POLICY, (ctx, p) -> ctx.json(policies.draft(p.tenantId())))
        .doc(TAG, "The draft, or the applied policy to start one from")
        .returns(200, "The draft", DraftView.class);
    routes
        .put(
            DRAFT,
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(
                    policies.replace(p, ClientInfo.of(ctx), Json.read(ctx, PolicyDocument.class))))
        .doc(TAG, "Replace the whole draft")
        .body(PolicyDocument.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .delete(
            DRAFT,
            MANAGE_POLICY,
            (ctx, p) -> {
              policies.cancel(p, ClientInfo.of(ctx));
              ctx.status(204);
            })
        .doc(TAG, "Cancel: drop the draft")
        .status(204, "Dropped");
    routes
        .post(
            DRAFT + "/apply",
            MANAGE_POLICY,
            (ctx, p) -> ctx.status(201).json(policies.apply(p, ClientInfo.of(ctx))))
        .doc(TAG, "Apply: the draft becomes the next version")
        .description(
            "Capture nodes are told at once (PostgreSQL NOTIFY) and use the new version for calls"
                + " that start after it. The act is audited.")
        .returns(201, "The new version", AppliedView.class)
        .status(409, "There is no draft");
    routes
        .put(DRAFT + "/departments/{direction}", MANAGE_POLICY, this::direction)
        .doc(TAG, "Set the department policy of one direction (R-30)")
        .description("direction: outgoing, internal or incoming.")
        .body(DirectionView.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .put(
            DRAFT + "/group-policies",
            MANAGE_POLICY,
            (ctx, p) -> {
              GroupPolicyInput input = Json.read(ctx, GroupPolicyInput.class);
              ctx.json(policies.group(p, ClientInfo.of(ctx), input.group(), input.policy()));
            })
        .doc(TAG, "Set the policy of one answer group (R-32)")
        .body(GroupPolicyInput.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .post(
            DRAFT + "/approved-numbers",
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(
                    policies.approve(
                        p, ClientInfo.of(ctx), Json.read(ctx, NumberInput.class).number())))
        .doc(TAG, "Always record calls to one of the tenant's direct numbers (R-31)")
        .body(NumberInput.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .delete(
            DRAFT + "/approved-numbers/{number}",
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(policies.unapprove(p, ClientInfo.of(ctx), ctx.pathParam("number"))))
        .doc(TAG, "Remove an approved direct number")
        .returns(200, "The draft", DraftView.class);
    routes
        .post(
            DRAFT + "/excluded-numbers",
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(
                    policies.exclude(
                        p, ClientInfo.of(ctx), Json.read(ctx, NumberInput.class).number())))
        .doc(TAG, "Never record calls with this remote number (R-34)")
        .description("The number is normalised to E.164 with the tenant's numbering plan.")
        .body(NumberInput.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .delete(
            DRAFT + "/excluded-numbers/{number}",
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(policies.unexclude(p, ClientInfo.of(ctx), ctx.pathParam("number"))))
        .doc(TAG, "Remove an excluded number")
        .returns(200, "The draft", DraftView.class);
    routes
        .put(
            DRAFT + "/paused",
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(
                    policies.pause(
                        p, ClientInfo.of(ctx), Json.read(ctx, PauseInput.class).paused())))
        .doc(TAG, "Pause or resume all recording (R-35)")
        .body(PauseInput.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .put(
            DRAFT + "/announcement",
            MANAGE_POLICY,
            (ctx, p) ->
                ctx.json(
                    policies.announcement(
                        p,
                        ClientInfo.of(ctx),
                        Json.read(ctx, AnnouncementInput.class).announcement())))
        .doc(TAG, "Whether the PBX announces recording (R-36)")
        .body(AnnouncementInput.class)
        .returns(200, "The draft", DraftView.class);
    routes
        .post(
            "/api/v1/policy/simulate",
            VIEW_POLICY,
            (ctx, p) ->
                ctx.json(simulator.simulate(p.tenantId(), Json.read(ctx, SimulationRequest.class))))
        .doc(TAG, "Test a call against the draft or the applied policy (R-37)")
        .description("Returns the decision, the rule that decided and why, in Swedish and English.")
        .body(SimulationRequest.class)
        .returns(200, "The decision", SimulationResult.class);
  }

  private void version(Context ctx, Principal p) {
    long version;
    try {
      version = Long.parseLong(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw new ProblemException.NotFound("No such policy version.");
    }
    ctx.json(policies.version(p.tenantId(), version));
  }

  private void direction(Context ctx, Principal p) {
    Direction direction;
    try {
      direction = Direction.valueOf(ctx.pathParam("direction").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException.NotFound("No such direction: use outgoing, internal or incoming.");
    }
    DirectionView input = Json.read(ctx, DirectionView.class);
    ctx.json(policies.direction(p, ClientInfo.of(ctx), direction, input));
  }
}
