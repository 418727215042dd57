package se.vittne.admin.audit;

/** The words the admin API writes in the audit log's action column. */
public final class AdminAuditActions {
  public static final String LOGIN = "LOGIN";
  public static final String LOGIN_FAILED = "LOGIN_FAILED";
  public static final String LOGOUT = "LOGOUT";
  public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
  public static final String PASSWORD_RESET_REQUESTED = "PASSWORD_RESET_REQUESTED";
  public static final String PASSWORD_RESET = "PASSWORD_RESET";
  public static final String TEMPORARY_PASSWORD_ISSUED = "TEMPORARY_PASSWORD_ISSUED";
  public static final String LICENCE_ACCEPTED = "LICENCE_ACCEPTED";
  public static final String LANGUAGE_CHANGED = "LANGUAGE_CHANGED";
  public static final String API_TOKEN_ISSUED = "API_TOKEN_ISSUED";
  public static final String API_TOKEN_REVOKED = "API_TOKEN_REVOKED";
  public static final String TENANT_CREATED = "TENANT_CREATED";
  public static final String TENANT_UPDATED = "TENANT_UPDATED";
  public static final String TENANT_DELETED = "TENANT_DELETED";
  public static final String TRUNK_CREATED = "TRUNK_CREATED";
  public static final String TRUNK_UPDATED = "TRUNK_UPDATED";
  public static final String TRUNK_DELETED = "TRUNK_DELETED";
  public static final String CREATED = "CREATED";
  public static final String UPDATED = "UPDATED";
  public static final String DELETED = "DELETED";
  public static final String USERS_IMPORTED = "USERS_IMPORTED";
  public static final String LOGIN_CREATED = "LOGIN_CREATED";
  public static final String LOGIN_UPDATED = "LOGIN_UPDATED";
  public static final String LOGIN_DELETED = "LOGIN_DELETED";
  public static final String POLICY_DRAFT_CHANGED = "POLICY_DRAFT_CHANGED";
  public static final String POLICY_DRAFT_CANCELLED = "POLICY_DRAFT_CANCELLED";

  private AdminAuditActions() {}
}
