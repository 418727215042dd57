package se.vittne.capture.session;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.policy.TenantId;
import se.vittne.storage.licence.LeaseKind;
import se.vittne.storage.licence.LeaseResult;
import se.vittne.storage.licence.LicenceLeases;

/**
 * Licences as leases in PostgreSQL, held by this node and renewed while it lives, so that the
 * leases of a node that died expire. When the database cannot be asked, the recording goes ahead:
 * losing evidence is worse than briefly exceeding a licence count, and the log says so.
 */
public final class StorageLicenceGate implements LicenceGate {
  private static final Logger log = LoggerFactory.getLogger(StorageLicenceGate.class);

  private final LicenceLeases leases;
  private final String node;
  private final Duration ttl;

  public StorageLicenceGate(LicenceLeases leases, String node, Duration ttl) {
    this.leases = leases;
    this.node = node;
    this.ttl = ttl;
  }

  @Override
  public Optional<String> acquire(TenantId tenant, String holder) {
    try {
      LeaseResult result = leases.acquire(tenant, holder, LeaseKind.RECORDING, node, ttl);
      return switch (result) {
        case LeaseResult.Granted granted -> Optional.empty();
        case LeaseResult.Refused refused ->
            Optional.of(
                "all %d licences in use (%d)".formatted(refused.licenceCount(), refused.inUse()));
      };
    } catch (RuntimeException e) {
      log.warn("licence check for tenant {} failed, recording anyway: {}", tenant, e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void release(TenantId tenant, String holder) {
    try {
      leases.release(tenant, holder);
    } catch (RuntimeException e) {
      log.warn("licence of {} not released now, it expires: {}", holder, e.toString());
    }
  }

  /** Keeps this node's leases alive; call well within the lease time. */
  public void renew() {
    try {
      leases.renewNode(node, ttl);
    } catch (RuntimeException e) {
      log.warn("renewing the licences of node {} failed: {}", node, e.toString());
    }
  }

  /** Gives back what an earlier run of this node held, after a crash. */
  public void releaseAll() {
    try {
      int released = leases.releaseNode(node);
      if (released > 0) {
        log.info("released {} licences held by an earlier run of node {}", released, node);
      }
    } catch (RuntimeException e) {
      log.warn("releasing old licences of node {} failed, they expire: {}", node, e.toString());
    }
  }
}
