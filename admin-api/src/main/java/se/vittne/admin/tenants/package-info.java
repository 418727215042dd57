/**
 * Running the installation (operators): tenants and their settings, licence counts and use (R-10,
 * R-11), PBX trunks with their source networks and digest credentials (stored as HA1 hashes only,
 * R-43), and a tenant's first logins. A tenant's super users see their own tenant and its licence
 * use.
 */
package se.vittne.admin.tenants;
