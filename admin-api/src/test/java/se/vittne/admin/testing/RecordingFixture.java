package se.vittne.admin.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.vittne.storage.deletion.DeletionRequestRepository;
import se.vittne.storage.evaluation.CategoryKind;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.sharing.ShareLinkRepository;

/**
 * Gives a {@link TenantFixture} one of everything the recordings endpoints name by ID: a recording
 * of a user in the fixture's department (so its restricted user sees it), a listening session ID, a
 * shared link (and its token), a deletion request (of another recording), an evaluation category
 * and question.
 */
public final class RecordingFixture {
  private RecordingFixture() {}

  public static NewRecording addTo(TenantFixture f, AdminExtension admin) {
    Calls calls = new Calls(admin.dsl(), admin.audio());
    NewRecording recording =
        calls
            .call(f.tenant, "2001", admin.clock().instant().minus(Duration.ofMinutes(5)))
            .user("Pelle Persson")
            .department(f.department.id())
            .archive();
    NewRecording doomed =
        calls
            .call(f.tenant, "2002", admin.clock().instant().minus(Duration.ofMinutes(9)))
            .department(f.department.id())
            .archive();
    f.ids.put("recordingId", recording.id().toString());
    f.ids.put("sessionId", UUID.randomUUID().toString());
    ShareLinkRepository.Created link =
        new ShareLinkRepository(admin.dsl())
            .create(
                f.tenant,
                recording.id(),
                f.superUser.id(),
                "someone@example.test",
                Optional.of("Listen"),
                ShareLinkRepository.DEFAULT_VALIDITY,
                admin.clock().instant())
            .orElseThrow();
    f.ids.put("shareId", link.link().id().toString());
    f.ids.put("token", link.token());
    f.ids.put(
        "deletionId",
        new DeletionRequestRepository(admin.dsl())
            .request(
                f.tenant,
                List.of(doomed.id()),
                f.superUser.id(),
                f.superUser.email(),
                Optional.empty(),
                admin.clock().instant())
            .id()
            .toString());
    EvaluationRepository evaluation = new EvaluationRepository(admin.dsl());
    f.ids.put(
        "categoryId",
        evaluation.addCategory(f.tenant, CategoryKind.CALL_RESULT, "Sale").id().toString());
    f.ids.put("questionId", evaluation.addQuestion(f.tenant, "Greeted?").id().toString());
    return recording;
  }
}
