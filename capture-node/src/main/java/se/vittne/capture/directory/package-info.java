/**
 * What the capture node reads from the tenants' directories in PostgreSQL, per call and fast:
 * tenant settings, users by extension or number, answer groups, and the PBX trunks allowed to start
 * recordings. Answers are cached briefly and served stale while the database is down, so a database
 * outage does not stop recording.
 */
package se.vittne.capture.directory;
