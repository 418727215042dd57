package se.vittne.admin.evaluation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.evaluation.EvaluationViews.AnswerView;
import se.vittne.admin.evaluation.EvaluationViews.CategoryView;
import se.vittne.admin.evaluation.EvaluationViews.EvaluationSetup;
import se.vittne.admin.evaluation.EvaluationViews.QuestionView;
import se.vittne.admin.evaluation.EvaluationViews.RecordingEvaluation;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingActions;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.evaluation.Answer;
import se.vittne.storage.evaluation.Category;
import se.vittne.storage.evaluation.CategoryKind;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.evaluation.Question;

/** The evaluation set-up and a recording's answers, every change audited. */
public final class EvaluationService {
  private static final int MAX_ANSWER = 4000;

  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Auditor auditor;
  private final Clock clock;

  public EvaluationService(DSLContext dsl, RecordingAccess access, Auditor auditor, Clock clock) {
    this.dsl = dsl;
    this.access = access;
    this.auditor = auditor;
    this.clock = clock;
  }

  public EvaluationSetup setup(Principal p) {
    EvaluationRepository repo = new EvaluationRepository(dsl);
    return new EvaluationSetup(
        repo.categories(p.tenantId(), CategoryKind.CALL_RESULT).stream()
            .map(EvaluationService::view)
            .toList(),
        repo.categories(p.tenantId(), CategoryKind.CUSTOMER_RESPONSE).stream()
            .map(EvaluationService::view)
            .toList(),
        repo.questions(p.tenantId()).stream()
            .map(q -> new QuestionView(q.id(), q.text()))
            .toList());
  }

  public CategoryView addCategory(Principal p, ClientInfo client, CategoryKind kind, String name) {
    Checks checks = new Checks();
    checks.notNull("kind", kind);
    String valid = checks.required("name", name, 200);
    checks.orThrow();
    return dsl.transactionResult(c -> {
      var tx = DSL.using(c);
      Category category = new EvaluationRepository(tx).addCategory(p.tenantId(), kind, valid);
      audit(
          tx,
          p,
          client,
          "evaluation_category",
          category.id(),
          Map.of("added", valid, "kind", kind.name()));
      return view(category);
    });
  }

  public CategoryView renameCategory(Principal p, ClientInfo client, UUID id, String name) {
    if (new EvaluationRepository(dsl)
        .categoriesById(p.tenantId(), List.of(id)).values().stream()
            .noneMatch(c -> isActive(p, c))) {
      throw new ProblemException.NotFound("No such category.");
    }
    Checks checks = new Checks();
    String valid = checks.required("name", name, 200);
    checks.orThrow();
    return dsl.transactionResult(c -> {
      var tx = DSL.using(c);
      EvaluationRepository repo = new EvaluationRepository(tx);
      if (!repo.renameCategory(p.tenantId(), id, valid)) {
        throw new ProblemException.NotFound("No such category.");
      }
      audit(tx, p, client, "evaluation_category", id, Map.of("renamed", valid));
      return view(repo.categoriesById(p.tenantId(), List.of(id)).get(id));
    });
  }

  public void deleteCategory(Principal p, ClientInfo client, UUID id) {
    dsl.transaction(c -> {
      var tx = DSL.using(c);
      if (!new EvaluationRepository(tx).retireCategory(p.tenantId(), id)) {
        throw new ProblemException.NotFound("No such category.");
      }
      audit(tx, p, client, "evaluation_category", id, Map.of("deleted", true));
    });
  }

  public QuestionView addQuestion(Principal p, ClientInfo client, String text) {
    Checks checks = new Checks();
    String valid = checks.required("text", text, 1000);
    checks.orThrow();
    return dsl.transactionResult(c -> {
      var tx = DSL.using(c);
      Question q = new EvaluationRepository(tx).addQuestion(p.tenantId(), valid);
      audit(tx, p, client, "evaluation_question", q.id(), Map.of("added", valid));
      return new QuestionView(q.id(), q.text());
    });
  }

  public QuestionView renameQuestion(Principal p, ClientInfo client, UUID id, String text) {
    if (new EvaluationRepository(dsl)
        .questions(p.tenantId()).stream().noneMatch(q -> q.id().equals(id))) {
      throw new ProblemException.NotFound("No such question.");
    }
    Checks checks = new Checks();
    String valid = checks.required("text", text, 1000);
    checks.orThrow();
    return dsl.transactionResult(c -> {
      var tx = DSL.using(c);
      if (!new EvaluationRepository(tx).renameQuestion(p.tenantId(), id, valid)) {
        throw new ProblemException.NotFound("No such question.");
      }
      audit(tx, p, client, "evaluation_question", id, Map.of("renamed", valid));
      return new QuestionView(id, valid);
    });
  }

  public void deleteQuestion(Principal p, ClientInfo client, UUID id) {
    dsl.transaction(c -> {
      var tx = DSL.using(c);
      if (!new EvaluationRepository(tx).retireQuestion(p.tenantId(), id)) {
        throw new ProblemException.NotFound("No such question.");
      }
      audit(tx, p, client, "evaluation_question", id, Map.of("deleted", true));
    });
  }

  /** The recording's answers: the tenant's questions in order, then answered deleted ones. */
  public RecordingEvaluation answers(Principal p, UUID recording) {
    access.find(p, recording);
    EvaluationRepository repo = new EvaluationRepository(dsl);
    Map<UUID, Answer> answers = repo.answers(p.tenantId(), recording);
    List<AnswerView> views = new ArrayList<>();
    List<UUID> shown = new ArrayList<>();
    for (Question q : repo.questions(p.tenantId())) {
      Optional<Answer> a = Optional.ofNullable(answers.get(q.id()));
      views.add(
          new AnswerView(q.id(), q.text(), a.map(Answer::text), a.map(Answer::answeredAt), false));
      shown.add(q.id());
    }
    List<UUID> retired = answers.keySet().stream().filter(id -> !shown.contains(id)).toList();
    if (!retired.isEmpty()) {
      Map<UUID, Question> questions = repo.questionsById(p.tenantId(), retired);
      questions.values().stream()
          .sorted(java.util.Comparator.comparingInt(Question::position))
          .forEach(q -> {
            Answer a = answers.get(q.id());
            views.add(
                new AnswerView(
                    q.id(), q.text(), Optional.of(a.text()), Optional.of(a.answeredAt()), true));
          });
    }
    return new RecordingEvaluation(!answers.isEmpty(), views);
  }

  /**
   * Saves answers to the tenant's current questions and marks the recording evaluated. At least one
   * answer must be given; answers to questions not sent stay as they were.
   */
  public RecordingEvaluation answer(
      Principal p, ClientInfo client, UUID recording, Map<UUID, String> given) {
    access.find(p, recording);
    Checks checks = new Checks();
    Map<UUID, String> answers = new LinkedHashMap<>();
    if (given == null) {
      checks.add("answers", "required", "answers is required.");
    } else {
      List<UUID> questions =
          new EvaluationRepository(dsl).questions(p.tenantId()).stream().map(Question::id).toList();
      for (Map.Entry<UUID, String> e : given.entrySet()) {
        String field = "answers." + e.getKey();
        if (!questions.contains(e.getKey())) {
          checks.add(field, "no-such-question", "Not one of the tenant's evaluation questions.");
        } else if (e.getValue() != null && !e.getValue().isBlank()) {
          String text = e.getValue().strip();
          if (text.length() > MAX_ANSWER) {
            checks.add(field, "too-long", "An answer has at most " + MAX_ANSWER + " characters.");
          } else if (text.chars()
              .anyMatch(
                  ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            checks.add(
                field, "control-characters", "An answer must not contain control characters.");
          } else {
            answers.put(e.getKey(), text);
          }
        }
      }
      if (checks.ok() && answers.isEmpty()) {
        checks.add("answers", "required", "Answer at least one question.");
      }
    }
    checks.orThrow();
    dsl.transaction(c -> {
      var tx = DSL.using(c);
      if (!new EvaluationRepository(tx)
          .saveAnswers(p.tenantId(), recording, answers, p.login(), clock.instant())) {
        throw RecordingAccess.notFound();
      }
      auditor
          .within(tx)
          .recordOnRecording(
              p, client, RecordingActions.EVALUATED, recording, Map.of("answers", answers.size()));
    });
    return answers(p, recording);
  }

  private void audit(
      DSLContext tx,
      Principal p,
      ClientInfo client,
      String subject,
      UUID id,
      Map<String, ?> details) {
    auditor
        .within(tx)
        .record(p, client, RecordingActions.EVALUATION_SETUP_CHANGED, subject, id, details);
  }

  private boolean isActive(Principal p, Category category) {
    return new EvaluationRepository(dsl)
        .categories(p.tenantId(), category.kind()).stream()
            .anyMatch(c -> c.id().equals(category.id()));
  }

  private static CategoryView view(Category c) {
    return new CategoryView(c.id(), c.kind(), c.name());
  }
}
