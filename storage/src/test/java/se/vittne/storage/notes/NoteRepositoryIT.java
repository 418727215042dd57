package se.vittne.storage.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.evaluation.CategoryKind;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.recording.Flag;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

class NoteRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final UUID supervisor = UUID.randomUUID();
  private NoteRepository notes;
  private NewRecording recording;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    recording = Recordings.recording("201", NOW);
    new RecordingRepository(POSTGRES.dsl()).insert(a, recording);
    notes = new NoteRepository(POSTGRES.dsl());
  }

  @Test
  void aRecordingWithoutNotesHasTheEmptyNote() {
    assertThat(notes.find(a, recording.id())).contains(Note.EMPTY);
    assertThat(notes.find(a, UUID.randomUUID())).isEmpty();
  }

  @Test
  void notesAreSavedAndReplaced() {
    var evaluation = new EvaluationRepository(POSTGRES.dsl());
    UUID sale = evaluation.addCategory(a, CategoryKind.CALL_RESULT, "Sale").id();
    UUID happy = evaluation.addCategory(a, CategoryKind.CUSTOMER_RESPONSE, "Happy").id();
    Note note = new Note(Optional.of(sale), Optional.of(happy), Flag.BLUE, Optional.of("upsell"));

    assertThat(
            notes.save(
                a,
                recording.id(),
                new Note(Optional.empty(), Optional.empty(), Flag.RED, Optional.empty()),
                supervisor,
                NOW))
        .isTrue();
    assertThat(notes.save(a, recording.id(), note, supervisor, NOW)).isTrue();

    assertThat(notes.find(a, recording.id())).contains(note);
  }

  @Test
  void anotherTenantCanNeitherReadNorWriteTheNotes() {
    Note note = new Note(Optional.empty(), Optional.empty(), Flag.GREEN, Optional.of("ok"));
    notes.save(a, recording.id(), note, supervisor, NOW);

    assertThat(notes.find(b, recording.id())).isEmpty();
    assertThat(notes.save(b, recording.id(), Note.EMPTY, supervisor, NOW)).isFalse();
    assertThat(notes.find(a, recording.id())).contains(note);
  }

  @Test
  void aCategoryOfAnotherTenantIsRefused() {
    UUID ofB =
        new EvaluationRepository(POSTGRES.dsl()).addCategory(b, CategoryKind.CALL_RESULT, "B").id();
    Note note = new Note(Optional.of(ofB), Optional.empty(), Flag.NONE, Optional.empty());

    assertThatThrownBy(() -> notes.save(a, recording.id(), note, supervisor, NOW))
        .isInstanceOf(DataAccessException.class);
  }
}
