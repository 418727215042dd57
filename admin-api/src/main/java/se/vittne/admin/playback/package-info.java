/**
 * Playing recordings: the WAV streamed with HTTP range requests from either audio
 * store ({@link se.vittne.admin.playback.AudioResponse}, used by download and shared links too),
 * listening sessions that hold one of the tenant's licences while a player is open, and the
 * waveform peaks the player draws, computed once per recording and kept in the database.
 */
package se.vittne.admin.playback;
