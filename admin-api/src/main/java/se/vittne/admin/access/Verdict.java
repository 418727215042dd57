package se.vittne.admin.access;

/** The outcome of one permission check, with the reason when it is a refusal. */
public enum Verdict {
  ALLOWED,
  /** Nobody is logged in. */
  UNAUTHENTICATED,
  /** The login's role does not hold the permission. */
  ROLE_NOT_ALLOWED,
  /** The role holds it, but the login lacks the flag it needs (may listen/download/e-mail). */
  FLAG_MISSING,
  /** An API token without the scope the permission needs. */
  SCOPE_MISSING,
  /** Only a browser session may do this, never an API token. */
  SESSION_REQUIRED,
  /** The login must change its password first. */
  PASSWORD_CHANGE_REQUIRED,
  /** The login must accept the licence agreement first. */
  LICENCE_ACCEPTANCE_REQUIRED;

  public boolean allowed() {
    return this == ALLOWED;
  }
}
