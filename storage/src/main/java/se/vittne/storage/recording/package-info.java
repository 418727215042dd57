/**
 * Recordings, one row per recorded party, the calls that were not recorded, and the
 * recording search of R-51 scoped by role.
 */
package se.vittne.storage.recording;
