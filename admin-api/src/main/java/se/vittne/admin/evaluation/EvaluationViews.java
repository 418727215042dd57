package se.vittne.admin.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.vittne.storage.evaluation.CategoryKind;

/** The bodies of the evaluation endpoints. */
public final class EvaluationViews {
  private EvaluationViews() {}

  /**
   * A category to choose in a note.
   *
   * @param id its ID
   * @param kind call result or customer response
   * @param name its name
   */
  public record CategoryView(UUID id, CategoryKind kind, String name) {}

  /**
   * An evaluation question.
   *
   * @param id its ID
   * @param text the question
   */
  public record QuestionView(UUID id, String text) {}

  /**
   * The tenant's evaluation set-up, in order.
   *
   * @param callResults the call-result categories
   * @param customerResponses the customer-response categories
   * @param questions the evaluation questions
   */
  public record EvaluationSetup(
      List<CategoryView> callResults,
      List<CategoryView> customerResponses,
      List<QuestionView> questions) {}

  /**
   * A new category.
   *
   * @param kind CALL_RESULT or CUSTOMER_RESPONSE
   * @param name its name, at most 200 characters
   */
  public record NewCategory(CategoryKind kind, String name) {}

  /**
   * A new name.
   *
   * @param name at most 200 characters
   */
  public record CategoryName(String name) {}

  /**
   * A question's text, new or changed.
   *
   * @param text at most 1000 characters
   */
  public record QuestionText(String text) {}

  /**
   * A question and the recording's answer to it.
   *
   * @param question the question's ID
   * @param text the question
   * @param answer the answer, if given
   * @param answeredAt when it was given
   * @param retired whether the question has been deleted since (its answer stays)
   */
  public record AnswerView(
      UUID question,
      String text,
      Optional<String> answer,
      Optional<Instant> answeredAt,
      boolean retired) {}

  /**
   * A recording's evaluation.
   *
   * @param evaluated whether any question was answered
   * @param answers the tenant's questions with their answers, then answers to deleted questions
   */
  public record RecordingEvaluation(boolean evaluated, List<AnswerView> answers) {}

  /**
   * Answers to give.
   *
   * @param answers by question ID; a blank answer is left out
   */
  public record AnswersInput(Map<UUID, String> answers) {}
}
