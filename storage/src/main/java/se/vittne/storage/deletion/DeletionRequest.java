package se.vittne.storage.deletion;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A request to erase recordings.
 *
 * @param id its ID
 * @param requestedBy the login that asked
 * @param requestedAt when
 * @param reason the reason given, if any
 * @param recordings the tenant's recordings it covers
 * @param completedAt when the job finished erasing them; empty while pending
 */
public record DeletionRequest(
    UUID id,
    Optional<UUID> requestedBy,
    Instant requestedAt,
    Optional<String> reason,
    Set<UUID> recordings,
    Optional<Instant> completedAt) {
  public DeletionRequest {
    recordings = Set.copyOf(recordings);
  }

  public boolean pending() {
    return completedAt.isEmpty();
  }
}
