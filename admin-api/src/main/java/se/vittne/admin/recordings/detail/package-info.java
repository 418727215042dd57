/**
 * A recording's page in one answer: the list's columns, why it was recorded (the policy rule and
 * its explanation in Swedish and English, R-37), per-channel reception quality, the audio's facts,
 * the notes and the evaluation. Above the notes and evaluation packages, so that they depend on
 * {@link se.vittne.admin.recordings} and not the other way round.
 */
package se.vittne.admin.recordings.detail;
