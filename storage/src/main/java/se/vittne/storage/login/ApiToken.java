package se.vittne.storage.login;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vittne.policy.TenantId;

/**
 * An integration's API token, without the secret.
 *
 * @param id its ID
 * @param tenant its tenant; empty for an operator's token
 * @param login the login it acts as
 * @param name a name to recognise it by
 * @param scopes what it may do
 * @param createdAt when it was made
 * @param expiresAt when it stops working, if ever
 * @param revokedAt when it was revoked
 * @param lastUsedAt when it was last used
 */
public record ApiToken(
    UUID id,
    Optional<TenantId> tenant,
    UUID login,
    String name,
    Set<String> scopes,
    Instant createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt) {
  public ApiToken {
    scopes = Set.copyOf(scopes);
  }
}
