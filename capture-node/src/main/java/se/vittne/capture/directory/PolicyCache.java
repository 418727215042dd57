package se.vittne.capture.directory;

import java.time.Clock;
import java.time.Duration;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.storage.policy.PolicyChange;
import se.vittne.storage.policy.PolicyRepository;

/**
 * The applied policy of each tenant, cached. A policy applied in the admin app reaches the cache
 * through {@link #changed} (PostgreSQL NOTIFY) within a second; the refresh interval is only the
 * safety net for a lost notification. While the database is down the last applied version is used.
 */
public final class PolicyCache {
  private final PolicyRepository policies;
  private final BoundedCache<TenantId, RecordingPolicy> cache;

  public PolicyCache(PolicyRepository policies, Duration refreshAfter, Clock clock) {
    this.policies = policies;
    this.cache = new BoundedCache<>(100_000, refreshAfter, clock);
  }

  /** The tenant's applied policy; the empty policy (records nothing) if none was ever applied. */
  public RecordingPolicy applied(TenantId tenant) {
    return cache.get(tenant, policies::applied);
  }

  /** A new version was applied: the next call of the tenant reads it. */
  public void changed(PolicyChange change) {
    cache.invalidateIf(change.tenant()::equals);
  }

  /** Notifications may have been missed (the listener reconnected): read every policy again. */
  public void invalidateAll() {
    cache.invalidateIf(tenant -> true);
  }
}
