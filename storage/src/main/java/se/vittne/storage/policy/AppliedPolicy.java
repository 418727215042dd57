package se.vittne.storage.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.RecordingPolicy;

/**
 * An applied policy version.
 *
 * @param policy the policy, its version number set
 * @param appliedBy the login that applied it
 * @param appliedAt when
 */
public record AppliedPolicy(RecordingPolicy policy, Optional<UUID> appliedBy, Instant appliedAt) {}
