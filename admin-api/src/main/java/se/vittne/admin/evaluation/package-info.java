/**
 * Evaluation: the tenant's categories of call result and customer response and its
 * evaluation questions, managed by super users; and the answers given for a recording, which mark
 * it evaluated in the list.
 */
package se.vittne.admin.evaluation;
