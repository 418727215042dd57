package se.vittne.storage.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

class EvaluationRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final UUID supervisor = UUID.randomUUID();
  private EvaluationRepository evaluation;
  private NewRecording recording;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    recording = Recordings.recording("201", NOW);
    new RecordingRepository(POSTGRES.dsl()).insert(a, recording);
    evaluation = new EvaluationRepository(POSTGRES.dsl());
  }

  @Test
  void categoriesAndQuestionsAreListedInOrderAndRetiredOnDelete() {
    Category sale = evaluation.addCategory(a, CategoryKind.CALL_RESULT, "Sale");
    Category noSale = evaluation.addCategory(a, CategoryKind.CALL_RESULT, "No sale");
    evaluation.addCategory(a, CategoryKind.CUSTOMER_RESPONSE, "Happy");
    Question greeting = evaluation.addQuestion(a, "Greeted the customer?");

    assertThat(evaluation.renameCategory(a, sale.id(), "Sold")).isTrue();
    assertThat(evaluation.retireCategory(a, noSale.id())).isTrue();
    assertThat(evaluation.renameQuestion(a, greeting.id(), "Greeted by name?")).isTrue();

    assertThat(evaluation.categories(a, CategoryKind.CALL_RESULT))
        .extracting(Category::name)
        .containsExactly("Sold");
    assertThat(evaluation.categories(a, CategoryKind.CUSTOMER_RESPONSE))
        .extracting(Category::name)
        .containsExactly("Happy");
    assertThat(evaluation.questions(a))
        .extracting(Question::text)
        .containsExactly("Greeted by name?");
    assertThat(evaluation.retireQuestion(a, greeting.id())).isTrue();
    assertThat(evaluation.questions(a)).isEmpty();
  }

  @Test
  void retiredCategoriesAndQuestionsAreStillFoundById() {
    Category sale = evaluation.addCategory(a, CategoryKind.CALL_RESULT, "Sale");
    Category happy = evaluation.addCategory(a, CategoryKind.CUSTOMER_RESPONSE, "Happy");
    Question greeting = evaluation.addQuestion(a, "Greeted?");
    evaluation.retireCategory(a, sale.id());
    evaluation.retireQuestion(a, greeting.id());

    assertThat(evaluation.categoriesById(a, List.of(sale.id(), happy.id(), UUID.randomUUID())))
        .containsOnlyKeys(sale.id(), happy.id())
        .containsEntry(sale.id(), sale);
    assertThat(evaluation.questionsById(a, List.of(greeting.id())))
        .containsEntry(greeting.id(), greeting);
    assertThat(evaluation.categoriesById(b, List.of(sale.id(), happy.id()))).isEmpty();
    assertThat(evaluation.questionsById(b, List.of(greeting.id()))).isEmpty();
  }

  @Test
  void answersAreSavedReplacedAndMarkTheRecordingEvaluated() {
    Question q1 = evaluation.addQuestion(a, "Greeted?");
    Question q2 = evaluation.addQuestion(a, "Solved?");

    assertThat(
            evaluation.saveAnswers(
                a, recording.id(), Map.of(q1.id(), "yes", q2.id(), "no"), supervisor, NOW))
        .isTrue();
    assertThat(
            evaluation.saveAnswers(
                a, recording.id(), Map.of(q2.id(), "yes"), supervisor, NOW.plusSeconds(1)))
        .isTrue();

    Map<UUID, Answer> answers = evaluation.answers(a, recording.id());
    assertThat(answers.get(q1.id()).text()).isEqualTo("yes");
    assertThat(answers.get(q2.id()))
        .isEqualTo(
            new Answer(q2.id(), "yes", java.util.Optional.of(supervisor), NOW.plusSeconds(1)));
    assertThat(
            POSTGRES
                .dsl()
                .fetchValue(
                    "select evaluated from recording_note where recording_id = ?", recording.id()))
        .isEqualTo(true);
  }

  @Test
  void anotherTenantCanNeitherSeeNorChangeTheSetUpOrTheAnswers() {
    Category sale = evaluation.addCategory(a, CategoryKind.CALL_RESULT, "Sale");
    Question q1 = evaluation.addQuestion(a, "Greeted?");
    evaluation.saveAnswers(a, recording.id(), Map.of(q1.id(), "yes"), supervisor, NOW);

    assertThat(evaluation.categories(b, CategoryKind.CALL_RESULT)).isEmpty();
    assertThat(evaluation.renameCategory(b, sale.id(), "x")).isFalse();
    assertThat(evaluation.retireCategory(b, sale.id())).isFalse();
    assertThat(evaluation.questions(b)).isEmpty();
    assertThat(evaluation.renameQuestion(b, q1.id(), "x")).isFalse();
    assertThat(evaluation.retireQuestion(b, q1.id())).isFalse();
    assertThat(evaluation.answers(b, recording.id())).isEmpty();
    assertThat(evaluation.saveAnswers(b, recording.id(), Map.of(q1.id(), "no"), supervisor, NOW))
        .isFalse();
    assertThat(evaluation.answers(a, recording.id()).get(q1.id()).text()).isEqualTo("yes");
    assertThat(evaluation.categories(a, CategoryKind.CALL_RESULT)).containsExactly(sale);
  }

  @Test
  void anAnswerToAnotherTenantsQuestionIsRefused() {
    Question ofB = evaluation.addQuestion(b, "B's question");
    assertThatThrownBy(
            () -> evaluation.saveAnswers(a, recording.id(), Map.of(ofB.id(), "x"), supervisor, NOW))
        .isInstanceOf(DataAccessException.class);
  }
}
