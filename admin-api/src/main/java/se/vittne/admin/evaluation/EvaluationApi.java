package se.vittne.admin.evaluation;

import static se.vittne.admin.access.Permission.ANNOTATE_RECORDINGS;
import static se.vittne.admin.access.Permission.MANAGE_EVALUATION;
import static se.vittne.admin.access.Permission.VIEW_RECORDINGS;

import se.vittne.admin.evaluation.EvaluationViews.AnswersInput;
import se.vittne.admin.evaluation.EvaluationViews.CategoryName;
import se.vittne.admin.evaluation.EvaluationViews.CategoryView;
import se.vittne.admin.evaluation.EvaluationViews.EvaluationSetup;
import se.vittne.admin.evaluation.EvaluationViews.NewCategory;
import se.vittne.admin.evaluation.EvaluationViews.QuestionText;
import se.vittne.admin.evaluation.EvaluationViews.QuestionView;
import se.vittne.admin.evaluation.EvaluationViews.RecordingEvaluation;
import se.vittne.admin.recordings.RecordingsApi;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Json;
import se.vittne.admin.server.Params;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;

/** Evaluation set-up and a recording's evaluation answers. */
public final class EvaluationApi implements RouteModule {
  private static final String TAG = "Notes and evaluation";
  private static final String SETUP = "/api/v1/evaluation";

  private final EvaluationService evaluation;

  public EvaluationApi(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get(SETUP, VIEW_RECORDINGS, (ctx, p) -> ctx.json(evaluation.setup(p)))
        .doc(TAG, "The categories and questions to choose from (R-56)")
        .returns(200, "The set-up", EvaluationSetup.class);
    routes
        .post(
            SETUP + "/categories",
            MANAGE_EVALUATION,
            (ctx, p) -> {
              NewCategory in = Json.read(ctx, NewCategory.class);
              ctx.status(201)
                  .json(evaluation.addCategory(p, ClientInfo.of(ctx), in.kind(), in.name()));
            })
        .doc(TAG, "Add a call-result or customer-response category")
        .body(NewCategory.class)
        .returns(201, "The category", CategoryView.class);
    routes
        .put(
            SETUP + "/categories/{categoryId}",
            MANAGE_EVALUATION,
            (ctx, p) ->
                ctx.json(
                    evaluation.renameCategory(
                        p,
                        ClientInfo.of(ctx),
                        Params.id(ctx, "categoryId"),
                        Json.read(ctx, CategoryName.class).name())))
        .doc(TAG, "Rename a category")
        .body(CategoryName.class)
        .returns(200, "The category", CategoryView.class)
        .status(404, "No such category");
    routes
        .delete(
            SETUP + "/categories/{categoryId}",
            MANAGE_EVALUATION,
            (ctx, p) -> {
              evaluation.deleteCategory(p, ClientInfo.of(ctx), Params.id(ctx, "categoryId"));
              ctx.status(204);
            })
        .doc(TAG, "Delete a category")
        .description("Notes that chose it keep showing its name.")
        .status(204, "Deleted")
        .status(404, "No such category");
    routes
        .post(
            SETUP + "/questions",
            MANAGE_EVALUATION,
            (ctx, p) ->
                ctx.status(201)
                    .json(
                        evaluation.addQuestion(
                            p, ClientInfo.of(ctx), Json.read(ctx, QuestionText.class).text())))
        .doc(TAG, "Add an evaluation question")
        .body(QuestionText.class)
        .returns(201, "The question", QuestionView.class);
    routes
        .put(
            SETUP + "/questions/{questionId}",
            MANAGE_EVALUATION,
            (ctx, p) ->
                ctx.json(
                    evaluation.renameQuestion(
                        p,
                        ClientInfo.of(ctx),
                        Params.id(ctx, "questionId"),
                        Json.read(ctx, QuestionText.class).text())))
        .doc(TAG, "Change an evaluation question's text")
        .body(QuestionText.class)
        .returns(200, "The question", QuestionView.class)
        .status(404, "No such question");
    routes
        .delete(
            SETUP + "/questions/{questionId}",
            MANAGE_EVALUATION,
            (ctx, p) -> {
              evaluation.deleteQuestion(p, ClientInfo.of(ctx), Params.id(ctx, "questionId"));
              ctx.status(204);
            })
        .doc(TAG, "Delete an evaluation question")
        .description("Answers already given to it stay with their recordings.")
        .status(204, "Deleted")
        .status(404, "No such question");
    routes
        .get(
            RecordingsApi.RECORDING + "/evaluation",
            VIEW_RECORDINGS,
            (ctx, p) -> ctx.json(evaluation.answers(p, Params.id(ctx, "recordingId"))))
        .doc(TAG, "The recording's evaluation: each question and its answer")
        .returns(200, "The evaluation", RecordingEvaluation.class)
        .status(404, "No such recording (or not one this login may see)");
    routes
        .put(
            RecordingsApi.RECORDING + "/evaluation",
            ANNOTATE_RECORDINGS,
            (ctx, p) ->
                ctx.json(
                    evaluation.answer(
                        p,
                        ClientInfo.of(ctx),
                        Params.id(ctx, "recordingId"),
                        Json.read(ctx, AnswersInput.class).answers())))
        .doc(TAG, "Answer evaluation questions for the recording (R-53)")
        .description(
            "At least one answer; answers to questions not sent stay. The recording is then"
                + " evaluated in the list. Audited.")
        .body(AnswersInput.class)
        .returns(200, "The evaluation", RecordingEvaluation.class)
        .status(404, "No such recording (or not one this login may see)");
  }
}
