package se.vittne.storage.evaluation;

import static se.vittne.storage.jooq.Tables.EVALUATION_ANSWER;
import static se.vittne.storage.jooq.Tables.EVALUATION_CATEGORY;
import static se.vittne.storage.jooq.Tables.EVALUATION_QUESTION;
import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.RECORDING_NOTE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import se.vittne.policy.TenantId;

/**
 * Evaluation set-up and answers. Deleting a category or question retires it: it disappears from the
 * lists but old notes and answers keep their meaning.
 */
public final class EvaluationRepository {
  private final DSLContext dsl;

  public EvaluationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Category addCategory(TenantId tenant, CategoryKind kind, String name) {
    UUID id = UUID.randomUUID();
    int position =
        nextPosition(
            EVALUATION_CATEGORY,
            EVALUATION_CATEGORY.POSITION,
            EVALUATION_CATEGORY.TENANT_ID.eq(tenant.value()));
    dsl.insertInto(EVALUATION_CATEGORY)
        .set(EVALUATION_CATEGORY.ID, id)
        .set(EVALUATION_CATEGORY.TENANT_ID, tenant.value())
        .set(EVALUATION_CATEGORY.KIND, kind.name())
        .set(EVALUATION_CATEGORY.NAME, name)
        .set(EVALUATION_CATEGORY.POSITION, position)
        .execute();
    return new Category(id, kind, name, position);
  }

  public boolean renameCategory(TenantId tenant, UUID id, String name) {
    return dsl.update(EVALUATION_CATEGORY)
            .set(EVALUATION_CATEGORY.NAME, name)
            .where(EVALUATION_CATEGORY.TENANT_ID.eq(tenant.value()))
            .and(EVALUATION_CATEGORY.ID.eq(id))
            .and(EVALUATION_CATEGORY.RETIRED.isFalse())
            .execute()
        == 1;
  }

  public boolean retireCategory(TenantId tenant, UUID id) {
    return dsl.update(EVALUATION_CATEGORY)
            .set(EVALUATION_CATEGORY.RETIRED, true)
            .where(EVALUATION_CATEGORY.TENANT_ID.eq(tenant.value()))
            .and(EVALUATION_CATEGORY.ID.eq(id))
            .and(EVALUATION_CATEGORY.RETIRED.isFalse())
            .execute()
        == 1;
  }

  /** The categories to choose from, in order. */
  public List<Category> categories(TenantId tenant, CategoryKind kind) {
    return dsl.selectFrom(EVALUATION_CATEGORY)
        .where(EVALUATION_CATEGORY.TENANT_ID.eq(tenant.value()))
        .and(EVALUATION_CATEGORY.KIND.eq(kind.name()))
        .and(EVALUATION_CATEGORY.RETIRED.isFalse())
        .orderBy(EVALUATION_CATEGORY.POSITION)
        .fetch(r -> new Category(r.getId(), kind, r.getName(), r.getPosition()));
  }

  /**
   * Categories by ID, retired ones included, so that a note keeps showing the text it was given;
   * IDs of another tenant or of nothing are left out.
   */
  public Map<UUID, Category> categoriesById(TenantId tenant, Collection<UUID> ids) {
    return dsl.selectFrom(EVALUATION_CATEGORY)
        .where(EVALUATION_CATEGORY.TENANT_ID.eq(tenant.value()))
        .and(EVALUATION_CATEGORY.ID.in(ids))
        .fetchMap(
            EVALUATION_CATEGORY.ID,
            r ->
                new Category(
                    r.getId(), CategoryKind.valueOf(r.getKind()), r.getName(), r.getPosition()));
  }

  /** Questions by ID, retired ones included, for the answers given to them. */
  public Map<UUID, Question> questionsById(TenantId tenant, Collection<UUID> ids) {
    return dsl.selectFrom(EVALUATION_QUESTION)
        .where(EVALUATION_QUESTION.TENANT_ID.eq(tenant.value()))
        .and(EVALUATION_QUESTION.ID.in(ids))
        .fetchMap(
            EVALUATION_QUESTION.ID, r -> new Question(r.getId(), r.getText(), r.getPosition()));
  }

  public Question addQuestion(TenantId tenant, String text) {
    UUID id = UUID.randomUUID();
    int position =
        nextPosition(
            EVALUATION_QUESTION,
            EVALUATION_QUESTION.POSITION,
            EVALUATION_QUESTION.TENANT_ID.eq(tenant.value()));
    dsl.insertInto(EVALUATION_QUESTION)
        .set(EVALUATION_QUESTION.ID, id)
        .set(EVALUATION_QUESTION.TENANT_ID, tenant.value())
        .set(EVALUATION_QUESTION.TEXT, text)
        .set(EVALUATION_QUESTION.POSITION, position)
        .execute();
    return new Question(id, text, position);
  }

  public boolean renameQuestion(TenantId tenant, UUID id, String text) {
    return dsl.update(EVALUATION_QUESTION)
            .set(EVALUATION_QUESTION.TEXT, text)
            .where(EVALUATION_QUESTION.TENANT_ID.eq(tenant.value()))
            .and(EVALUATION_QUESTION.ID.eq(id))
            .and(EVALUATION_QUESTION.RETIRED.isFalse())
            .execute()
        == 1;
  }

  public boolean retireQuestion(TenantId tenant, UUID id) {
    return dsl.update(EVALUATION_QUESTION)
            .set(EVALUATION_QUESTION.RETIRED, true)
            .where(EVALUATION_QUESTION.TENANT_ID.eq(tenant.value()))
            .and(EVALUATION_QUESTION.ID.eq(id))
            .and(EVALUATION_QUESTION.RETIRED.isFalse())
            .execute()
        == 1;
  }

  public List<Question> questions(TenantId tenant) {
    return dsl.selectFrom(EVALUATION_QUESTION)
        .where(EVALUATION_QUESTION.TENANT_ID.eq(tenant.value()))
        .and(EVALUATION_QUESTION.RETIRED.isFalse())
        .orderBy(EVALUATION_QUESTION.POSITION)
        .fetch(r -> new Question(r.getId(), r.getText(), r.getPosition()));
  }

  /**
   * Saves answers for one of the tenant's recordings and marks it evaluated. False when the tenant
   * has no such recording; a question of another tenant is refused by the database.
   */
  public boolean saveAnswers(
      TenantId tenant, UUID recording, Map<UUID, String> answers, UUID by, Instant at) {
    var when = at.atOffset(ZoneOffset.UTC);
    return dsl.transactionResult(c -> {
      DSLContext tx = DSL.using(c);
      boolean exists =
          tx.fetchExists(
              RECORDING, RECORDING.TENANT_ID.eq(tenant.value()).and(RECORDING.ID.eq(recording)));
      if (!exists) {
        return false;
      }
      for (var answer : answers.entrySet()) {
        tx.insertInto(EVALUATION_ANSWER)
            .set(EVALUATION_ANSWER.TENANT_ID, tenant.value())
            .set(EVALUATION_ANSWER.RECORDING_ID, recording)
            .set(EVALUATION_ANSWER.QUESTION_ID, answer.getKey())
            .set(EVALUATION_ANSWER.ANSWER, answer.getValue())
            .set(EVALUATION_ANSWER.ANSWERED_BY, by)
            .set(EVALUATION_ANSWER.ANSWERED_AT, when)
            .onConflict(EVALUATION_ANSWER.RECORDING_ID, EVALUATION_ANSWER.QUESTION_ID)
            .doUpdate()
            .set(EVALUATION_ANSWER.ANSWER, answer.getValue())
            .set(EVALUATION_ANSWER.ANSWERED_BY, by)
            .set(EVALUATION_ANSWER.ANSWERED_AT, when)
            .execute();
      }
      tx.insertInto(RECORDING_NOTE)
          .set(RECORDING_NOTE.RECORDING_ID, recording)
          .set(RECORDING_NOTE.TENANT_ID, tenant.value())
          .set(RECORDING_NOTE.EVALUATED, !answers.isEmpty())
          .set(RECORDING_NOTE.UPDATED_BY, by)
          .set(RECORDING_NOTE.UPDATED_AT, when)
          .onConflict(RECORDING_NOTE.RECORDING_ID)
          .doUpdate()
          .set(RECORDING_NOTE.EVALUATED, !answers.isEmpty())
          .where(RECORDING_NOTE.TENANT_ID.eq(tenant.value()))
          .execute();
      return true;
    });
  }

  /** A recording's answers by question. */
  public Map<UUID, Answer> answers(TenantId tenant, UUID recording) {
    return dsl.selectFrom(EVALUATION_ANSWER)
        .where(EVALUATION_ANSWER.TENANT_ID.eq(tenant.value()))
        .and(EVALUATION_ANSWER.RECORDING_ID.eq(recording))
        .fetchMap(
            EVALUATION_ANSWER.QUESTION_ID,
            r ->
                new Answer(
                    r.getQuestionId(),
                    r.getAnswer(),
                    Optional.ofNullable(r.getAnsweredBy()),
                    r.getAnsweredAt().toInstant()));
  }

  private int nextPosition(Table<?> table, Field<Integer> position, Condition scope) {
    return dsl.select(DSL.coalesce(DSL.max(position), -1).plus(1))
        .from(table)
        .where(scope)
        .fetchSingle()
        .value1();
  }
}
