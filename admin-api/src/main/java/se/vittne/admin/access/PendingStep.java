package se.vittne.admin.access;

/** What a login must do before it may use anything but its own account, in order. */
public enum PendingStep {
  /** A temporary password, or one older than 100 days: choose a new one first. */
  CHANGE_PASSWORD,
  /** The licence agreement has not been accepted yet. */
  ACCEPT_LICENCE
}
