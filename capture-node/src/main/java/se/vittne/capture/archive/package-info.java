/**
 * Archiving finished recordings: hash, put in the audio store, insert the rows, remove
 * the spool files — in that order and idempotently, from a local outbox that survives restarts and
 * database or storage outages.
 */
package se.vittne.capture.archive;
