package se.vittne.admin.web.config;

import static se.vittne.admin.access.Permission.MANAGE_EVALUATION;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.vittne.admin.access.Principal;
import se.vittne.admin.evaluation.EvaluationService;
import se.vittne.admin.evaluation.EvaluationViews.EvaluationSetup;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Form;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.storage.evaluation.CategoryKind;

/**
 * Configuration > Call evaluation: the categories of call result and customer response, and
 * the evaluation questions; add, rename, delete.
 */
public final class EvaluationPages implements RouteModule {
  private static final String PAGE = "/config/evaluation";

  private final EvaluationService evaluation;
  private final Templates templates;

  public EvaluationPages(EvaluationService evaluation, Templates templates) {
    this.evaluation = evaluation;
    this.templates = templates;
  }

  /** The page: the set-up, and the outcome of a refused form. */
  public record SetupModel(EvaluationSetup setup, Form form) {}

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get(PAGE, MANAGE_EVALUATION, this::page), "Evaluation set-up");
    Pages.form(
        routes.post(PAGE + "/categories", MANAGE_EVALUATION, this::addCategory), "Add a category");
    Pages.form(
        routes.post(PAGE + "/categories/{categoryId}", MANAGE_EVALUATION, this::renameCategory),
        "Rename a category");
    Pages.form(
        routes.post(
            PAGE + "/categories/{categoryId}/delete", MANAGE_EVALUATION, this::deleteCategory),
        "Delete a category");
    Pages.form(
        routes.post(PAGE + "/questions", MANAGE_EVALUATION, this::addQuestion), "Add a question");
    Pages.form(
        routes.post(PAGE + "/questions/{questionId}", MANAGE_EVALUATION, this::renameQuestion),
        "Rename a question");
    Pages.form(
        routes.post(
            PAGE + "/questions/{questionId}/delete", MANAGE_EVALUATION, this::deleteQuestion),
        "Delete a question");
  }

  private void page(Context ctx, Principal p) {
    render(ctx, p, Form.empty());
  }

  private void render(Context ctx, Principal p, Form form) {
    templates.render(
        ctx,
        "config/evaluation.jte",
        View.of(ctx, p, View.Section.CONFIGURATION),
        new SetupModel(evaluation.setup(p), form));
  }

  private interface Change {
    void run(ClientInfo client, String text);
  }

  private void change(Context ctx, Principal p, String field, Change change, String notice) {
    String text = Optional.ofNullable(ctx.formParam(field)).orElse("").strip();
    try {
      change.run(ClientInfo.of(ctx), text);
    } catch (ProblemException.Invalid | ProblemException.Conflict e) {
      View view = View.of(ctx, p, View.Section.CONFIGURATION);
      ctx.status(e.status());
      render(ctx, p, Form.of(ctx, field).errors(view.t(), e, Map.of()));
      return;
    }
    Pages.done(ctx, PAGE, notice);
  }

  private void addCategory(Context ctx, Principal p) {
    CategoryKind kind =
        "CUSTOMER_RESPONSE".equals(ctx.formParam("kind"))
            ? CategoryKind.CUSTOMER_RESPONSE
            : CategoryKind.CALL_RESULT;
    change(
        ctx, p, "name", (c, name) -> evaluation.addCategory(p, c, kind, name), "evaluationSaved");
  }

  private void renameCategory(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "categoryId");
    change(
        ctx, p, "name", (c, name) -> evaluation.renameCategory(p, c, id, name), "evaluationSaved");
  }

  private void deleteCategory(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "categoryId");
    evaluation.deleteCategory(p, ClientInfo.of(ctx), id);
    Pages.done(ctx, PAGE, "deleted");
  }

  private void addQuestion(Context ctx, Principal p) {
    change(ctx, p, "text", (c, text) -> evaluation.addQuestion(p, c, text), "evaluationSaved");
  }

  private void renameQuestion(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "questionId");
    change(
        ctx, p, "text", (c, text) -> evaluation.renameQuestion(p, c, id, text), "evaluationSaved");
  }

  private void deleteQuestion(Context ctx, Principal p) {
    UUID id = Params.id(ctx, "questionId");
    evaluation.deleteQuestion(p, ClientInfo.of(ctx), id);
    Pages.done(ctx, PAGE, "deleted");
  }
}
