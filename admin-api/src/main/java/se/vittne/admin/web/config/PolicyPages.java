package se.vittne.admin.web.config;

import static se.vittne.admin.access.Permission.MANAGE_POLICY;
import static se.vittne.admin.access.Permission.VIEW_POLICY;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.vittne.admin.access.Principal;
import se.vittne.admin.directory.OrganisationService;
import se.vittne.admin.policy.PolicyService;
import se.vittne.admin.policy.PolicySimulator;
import se.vittne.admin.policy.PolicyViews.AppliedView;
import se.vittne.admin.policy.PolicyViews.DirectionView;
import se.vittne.admin.policy.PolicyViews.DraftView;
import se.vittne.admin.policy.PolicyViews.SimulationRequest;
import se.vittne.admin.policy.PolicyViews.SimulationResult;
import se.vittne.admin.policy.PolicyViews.Target;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Form;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.policy.Announcement;
import se.vittne.policy.ConsentSignal;
import se.vittne.policy.Direction;
import se.vittne.policy.GroupPolicy;
import se.vittne.storage.directory.AnswerGroup;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectNumber;

/**
 * Policy rules (R-30 … R-37) as the guide's page has them: the department policy's three switches
 * with their departments, approved direct numbers, the group policy per answer group, excluded
 * numbers, pause; every change goes to the draft, and Apply or Cancel ends it. The test call
 * evaluates a made-up call against the draft or the applied policy and says which rule decided.
 */
public final class PolicyPages implements RouteModule {
  private static final String PAGE = "/config/policy";

  private final PolicyService policies;
  private final PolicySimulator simulator;
  private final OrganisationService organisation;
  private final Templates templates;

  public PolicyPages(
      PolicyService policies,
      PolicySimulator simulator,
      OrganisationService organisation,
      Templates templates) {
    this.policies = policies;
    this.simulator = simulator;
    this.organisation = organisation;
    this.templates = templates;
  }

  /**
   * The test call's form and, once made, its outcome.
   *
   * @param form what was typed
   * @param result the decision
   */
  public record TestCall(Form form, Optional<SimulationResult> result) {}

  /** The page. */
  public record PolicyModel(
      DraftView draft,
      AppliedView applied,
      List<Department> departments,
      List<AnswerGroup> groups,
      List<DirectNumber> directNumbers,
      Form excluded,
      TestCall test) {
    public GroupPolicy group(AnswerGroup g) {
      return draft.policy().groups().getOrDefault(g.key().value(), GroupPolicy.NOT_APPLICABLE);
    }

    public DirectionView direction(String name) {
      return switch (name) {
        case "outgoing" -> draft.policy().departments().outgoing();
        case "internal" -> draft.policy().departments().internal();
        default -> draft.policy().departments().incoming();
      };
    }

    public boolean approved(DirectNumber n) {
      return draft.policy().approvedDirectNumbers().contains(n.number().e164());
    }
  }

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get(PAGE, VIEW_POLICY, this::page), "Policy rules");
    Pages.form(
        routes.post(PAGE + "/departments", MANAGE_POLICY, this::departments), "Department policy");
    Pages.form(
        routes.post(PAGE + "/approved", MANAGE_POLICY, this::approved), "Approved direct numbers");
    Pages.form(routes.post(PAGE + "/groups", MANAGE_POLICY, this::groups), "Group policy");
    Pages.form(routes.post(PAGE + "/excluded", MANAGE_POLICY, this::exclude), "Exclude a number");
    Pages.form(
        routes.post(PAGE + "/excluded/remove", MANAGE_POLICY, this::unexclude),
        "Remove an excluded number");
    Pages.form(
        routes.post(PAGE + "/pause", MANAGE_POLICY, this::pause), "Pause or resume, announcement");
    Pages.form(routes.post(PAGE + "/apply", MANAGE_POLICY, this::apply), "Apply the draft");
    Pages.form(routes.post(PAGE + "/cancel", MANAGE_POLICY, this::cancel), "Cancel the draft");
    Pages.doc(routes.post(PAGE + "/test", VIEW_POLICY, this::test), "Test call");
  }

  private PolicyModel model(Principal p, Form excluded, TestCall test) {
    var tenant = p.tenantId();
    return new PolicyModel(
        policies.draft(tenant),
        policies.applied(tenant),
        organisation.departments(tenant),
        organisation.groups(tenant),
        organisation.directNumbers(tenant),
        excluded,
        test);
  }

  private void page(Context ctx, Principal p) {
    render(ctx, p, model(p, Form.empty(), new TestCall(Form.empty(), Optional.empty())));
  }

  private void render(Context ctx, Principal p, PolicyModel model) {
    templates.render(ctx, "config/policy.jte", View.of(ctx, p, View.Section.CONFIGURATION), model);
  }

  private void departments(Context ctx, Principal p) {
    ClientInfo client = ClientInfo.of(ctx);
    for (Direction d : Direction.values()) {
      String name = d.name().toLowerCase(Locale.ROOT);
      policies.direction(
          p,
          client,
          d,
          new DirectionView(
              ctx.formParam(name + ".enabled") != null,
              ctx.formParams(name + ".departments"),
              ctx.formParam(name + ".withoutDepartment") != null));
    }
    Pages.done(ctx, PAGE, "draftSaved");
  }

  private void approved(Context ctx, Principal p) {
    ClientInfo client = ClientInfo.of(ctx);
    Set<String> wanted = new HashSet<>(ctx.formParams("approved"));
    Set<String> current =
        new HashSet<>(policies.draft(p.tenantId()).policy().approvedDirectNumbers());
    for (String n : wanted) {
      if (!current.contains(n)) {
        policies.approve(p, client, n);
      }
    }
    for (String n : current) {
      if (!wanted.contains(n)) {
        policies.unapprove(p, client, n);
      }
    }
    Pages.done(ctx, PAGE, "draftSaved");
  }

  private void groups(Context ctx, Principal p) {
    ClientInfo client = ClientInfo.of(ctx);
    Map<String, GroupPolicy> current = policies.draft(p.tenantId()).policy().groups();
    for (AnswerGroup g : organisation.groups(p.tenantId())) {
      String chosen = ctx.formParam("group." + g.key().value());
      if (chosen == null) {
        continue;
      }
      GroupPolicy policy;
      try {
        policy = GroupPolicy.valueOf(chosen);
      } catch (IllegalArgumentException e) {
        throw ProblemException.Invalid.of("group", "invalid-value", "No such group policy.");
      }
      if (policy != current.getOrDefault(g.key().value(), GroupPolicy.NOT_APPLICABLE)) {
        policies.group(p, client, g.key().value(), policy);
      }
    }
    Pages.done(ctx, PAGE, "draftSaved");
  }

  private void exclude(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    Form form = Form.of(ctx, "number");
    try {
      policies.exclude(p, ClientInfo.of(ctx), form.get("number"));
    } catch (ProblemException.Invalid e) {
      form.errors(view.t(), e, Map.of());
      ctx.status(422);
      render(ctx, p, model(p, form, new TestCall(Form.empty(), Optional.empty())));
      return;
    }
    Pages.done(ctx, PAGE + "#excluded", "draftSaved");
  }

  private void unexclude(Context ctx, Principal p) {
    policies.unexclude(
        p, ClientInfo.of(ctx), Optional.ofNullable(ctx.formParam("number")).orElse(""));
    Pages.done(ctx, PAGE + "#excluded", "draftSaved");
  }

  private void pause(Context ctx, Principal p) {
    ClientInfo client = ClientInfo.of(ctx);
    policies.pause(p, client, ctx.formParam("paused") != null);
    String announcement = ctx.formParam("announcement");
    if (announcement != null) {
      try {
        policies.announcement(p, client, Announcement.valueOf(announcement));
      } catch (IllegalArgumentException e) {
        throw ProblemException.Invalid.of("announcement", "invalid-value", "No such choice.");
      }
    }
    Pages.done(ctx, PAGE, "draftSaved");
  }

  private void apply(Context ctx, Principal p) {
    try {
      policies.apply(p, ClientInfo.of(ctx));
    } catch (ProblemException.Conflict e) {
      Pages.done(ctx, PAGE, "noDraft");
      return;
    }
    Pages.done(ctx, PAGE, "policyApplied");
  }

  private void cancel(Context ctx, Principal p) {
    try {
      policies.cancel(p, ClientInfo.of(ctx));
    } catch (ProblemException.NotFound e) {
      Pages.done(ctx, PAGE, "noDraft");
      return;
    }
    Pages.done(ctx, PAGE, "draftCancelled");
  }

  private void test(Context ctx, Principal p) {
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    Form form =
        Form.of(
            ctx,
            "against",
            "direction",
            "extension",
            "remoteNumber",
            "dialledNumber",
            "answerGroup",
            "consent");
    Optional<SimulationResult> result = Optional.empty();
    try {
      result =
          Optional.of(
              simulator.simulate(
                  p.tenantId(),
                  new SimulationRequest(
                      "APPLIED".equals(form.get("against")) ? Target.APPLIED : Target.DRAFT,
                      enumOf(Direction.class, form.get("direction")),
                      blankToNull(form.get("extension")),
                      null,
                      null,
                      blankToNull(form.get("remoteNumber")),
                      blankToNull(form.get("dialledNumber")),
                      blankToNull(form.get("answerGroup")),
                      Optional.ofNullable(enumOf(ConsentSignal.class, form.get("consent")))
                          .orElse(ConsentSignal.UNKNOWN))));
    } catch (ProblemException.Invalid e) {
      form.errors(view.t(), e, Map.of());
      ctx.status(422);
    }
    TestCall test = new TestCall(form, result);
    if (Pages.htmx(ctx)) {
      templates.render(ctx, "config/testCall.jte", view, test);
    } else {
      render(ctx, p, model(p, Form.empty(), test));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
