/**
 * The recordings list and a recording's page (R-50, R-51, R-53 history, R-60): the search with
 * every filter of R-51 streamed as JSON, a recording's details with the policy decision and its
 * reception quality, its history from the audit log, its expiry date; and {@link
 * se.vittne.admin.recordings.RecordingAccess}, the one place that finds a recording for a login
 * within the scope of its role, used by every feature that names a recording.
 */
package se.vittne.admin.recordings;
