package se.vittne.storage.login;

/** What a login may do. */
public enum LoginRole {
  /** Own recordings only. */
  MY_CONSOLE,
  /** All the tenant's recordings and settings. */
  SUPER,
  /** Recordings of chosen departments; no settings. */
  RESTRICTED,
  /** Runs the service across tenants; belongs to no tenant. */
  OPERATOR
}
