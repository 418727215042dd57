package se.vittne.storage.audit;

/** The actions storage itself writes; other modules add their own words. */
public final class AuditActions {
  public static final String RECORDING_ERASED = "RECORDING_ERASED";
  public static final String DELETION_REQUESTED = "DELETION_REQUESTED";
  public static final String POLICY_APPLIED = "POLICY_APPLIED";
  public static final String EXPIRY_CHANGED = "EXPIRY_CHANGED";

  private AuditActions() {}
}
