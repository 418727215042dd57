/**
 * Licence leases: a tenant's licence count caps its simultaneous recordings plus listening
 * sessions across every node. Leases live in PostgreSQL, are taken under a row lock on the tenant
 * and expire unless renewed, so a dead node's leases free themselves.
 */
package se.vittne.storage.licence;
