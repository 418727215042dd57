/**
 * Evaluation: the tenant's categories for call result and customer response, its
 * evaluation questions, and the answers given for each recording.
 */
package se.vittne.storage.evaluation;
