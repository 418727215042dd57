package se.vittne.admin.recordings;

/**
 * The words the audit log's action column holds for acts on recordings: a recording's history
 * is these entries, plus the erasure that storage's jobs write.
 */
public final class RecordingActions {
  public static final String LISTENED = "LISTENED";
  public static final String DOWNLOADED = "DOWNLOADED";
  public static final String SHARED = "SHARED";
  public static final String SHARE_REVOKED = "SHARE_REVOKED";
  public static final String SHARE_OPENED = "SHARE_OPENED";
  public static final String SHARE_PLAYED = "SHARE_PLAYED";
  public static final String NOTES_CHANGED = "NOTES_CHANGED";
  public static final String EVALUATED = "EVALUATED";
  public static final String EXPIRY_CHANGED = se.vittne.storage.audit.AuditActions.EXPIRY_CHANGED;
  public static final String EVALUATION_SETUP_CHANGED = "EVALUATION_SETUP_CHANGED";

  private RecordingActions() {}
}
