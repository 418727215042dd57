package se.vittne.storage.sharing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.TenantId;

/**
 * A share link, without its token.
 *
 * @param id its ID
 * @param tenant the recording's tenant
 * @param recording the one recording it plays
 * @param createdBy the login that shared it
 * @param recipient the address it was sent to
 * @param subject the mail's subject
 * @param createdAt when
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, if it was
 */
public record ShareLink(
    UUID id,
    TenantId tenant,
    UUID recording,
    Optional<UUID> createdBy,
    String recipient,
    Optional<String> subject,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> revokedAt) {

  /** What a visitor's link leads to now. */
  public enum Status {
    VALID,
    EXPIRED,
    REVOKED
  }

  public Status status(Instant now) {
    if (revokedAt.isPresent()) {
      return Status.REVOKED;
    }
    return now.isBefore(expiresAt) ? Status.VALID : Status.EXPIRED;
  }
}
