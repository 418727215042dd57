package se.vittne.capture.session;

import java.util.Optional;
import se.vittne.policy.TenantId;

/** The tenant's licences for simultaneous recordings, shared by all nodes. */
public interface LicenceGate {

  /**
   * Takes a licence for one recording.
   *
   * @return empty when granted, else why not, for the log and the "not recorded" row
   */
  Optional<String> acquire(TenantId tenant, String holder);

  /** Gives the licence back; nothing happens when it is not held. */
  void release(TenantId tenant, String holder);
}
