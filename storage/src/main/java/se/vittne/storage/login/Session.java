package se.vittne.storage.login;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.TenantId;

/**
 * A logged-in browser.
 *
 * @param login whose session
 * @param tenant the login's tenant; empty for operators
 * @param csrfToken the token cookie-authenticated changes must echo
 * @param keepLoggedIn "keep me logged in": a long expiry
 * @param createdAt when the login happened
 * @param lastSeenAt the last request
 * @param expiresAt when it ends unless used again
 */
public record Session(
    UUID login,
    Optional<TenantId> tenant,
    String csrfToken,
    boolean keepLoggedIn,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt) {}
