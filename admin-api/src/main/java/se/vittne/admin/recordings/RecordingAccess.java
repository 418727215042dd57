package se.vittne.admin.recordings;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import se.vittne.admin.access.Access;
import se.vittne.admin.access.Principal;
import se.vittne.admin.server.ProblemException;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.recording.Recording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.RecordingScope;
import se.vittne.storage.recording.RecordingState;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;

/**
 * Finds recordings for a login: only its own tenant's, only those within the scope of its role
 * and only while they are not being erased. Anything else is "not found", exactly as an ID
 * that names nothing, so that an ID reveals nothing about other tenants' or colleagues' calls.
 */
public final class RecordingAccess {
  private final DSLContext dsl;

  public RecordingAccess(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Which of its tenant's recordings the login may see. */
  public RecordingScope scope(Principal p) {
    Optional<String> ownExtension =
        p.user()
            .flatMap(user -> new UserRepository(dsl).find(p.tenantId(), user))
            .map(user -> user.data().extension());
    return Access.recordingScope(p, ownExtension);
  }

  /**
   * The recording, if the login may see it.
   *
   * @throws ProblemException.NotFound otherwise
   */
  public Recording find(Principal p, UUID id) {
    return find(p, id, scope(p));
  }

  /** As {@link #find(Principal, UUID)}, with the scope already worked out. */
  public Recording find(Principal p, UUID id, RecordingScope scope) {
    return new RecordingRepository(dsl)
        .find(p.tenantId(), id)
        .filter(r -> r.state() == RecordingState.ACTIVE)
        .filter(scope::allows)
        .orElseThrow(RecordingAccess::notFound);
  }

  /** The tenant's settings: its time zone, office hours and numbering plan. */
  public TenantSettings settings(TenantId tenant) {
    return new TenantRepository(dsl)
        .find(tenant)
        .orElseThrow(() -> new IllegalStateException("a login's tenant exists: " + tenant));
  }

  public static ProblemException.NotFound notFound() {
    return new ProblemException.NotFound("No such recording.");
  }
}
