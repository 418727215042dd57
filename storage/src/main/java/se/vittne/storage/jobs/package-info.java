/**
 * The retention and deletion jobs, scheduled cluster-safely with db-scheduler. An
 * erasure is a three-step protocol that can be interrupted anywhere and resumed by the next run:
 * mark the row ERASING, delete the audio, then delete the row and audit it in one transaction.
 */
package se.vittne.storage.jobs;
