package se.vittne.storage.licence;

/** The answer to a request for a licence. */
public sealed interface LeaseResult {
  /** The licence is the caller's until it is released or lapses. */
  record Granted(Lease lease) implements LeaseResult {}

  /**
   * Every licence is in use (or the tenant is unknown or inactive); the refusal was counted.
   *
   * @param licenceCount the tenant's licences
   * @param inUse how many are held now
   * @param reason a sentence for logs and users
   */
  record Refused(int licenceCount, int inUse, String reason) implements LeaseResult {}

  default boolean granted() {
    return this instanceof Granted;
  }
}
