/**
 * The spool: 16-bit PCM WAV files written while a call runs ({@link
 * se.vittne.capture.wav.WavSpoolFile}) with a small metadata file beside each, completed with a
 * valid header when the call ends, and repaired after a crash ({@link
 * se.vittne.capture.wav.SpoolRecovery}): an unfinished file gets the header its length calls for
 * and is marked recovered.
 *
 * <p>File names in the spool directory, for a session whose file name is {@code S}:
 *
 * <ul>
 *   <li>{@code S.wav.part} and {@code S.meta.properties}: being recorded;
 *   <li>{@code S.wav}: complete, handed to the session layer in the media result;
 *   <li>{@code S.recovered.wav} and {@code S.recovered.properties}: repaired after a crash, waiting
 *       for the session layer to archive or erase them.
 * </ul>
 */
package se.vittne.capture.wav;
