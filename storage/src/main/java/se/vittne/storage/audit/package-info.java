/**
 * The append-only audit log: who listened to, downloaded, shared, changed or erased what, and when
 * . The database refuses to update or delete its rows.
 */
package se.vittne.storage.audit;
