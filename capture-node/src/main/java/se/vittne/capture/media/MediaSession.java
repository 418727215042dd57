package se.vittne.capture.media;

import java.time.Instant;
import java.util.List;

/**
 * The media of one recording session while it runs. Methods are called from signalling threads, one
 * at a time per session; none of them blocks on the network.
 */
public interface MediaSession {

  /** The session's identity, as given when it was opened. */
  MediaSessionSpec spec();

  /** Where each stream is received, in the order the streams were added. */
  List<LocalEndpoint> endpoints();

  /**
   * When the last RTP or RTCP packet of any stream arrived, for the media timeout; the open time
   * when nothing arrived yet.
   */
  Instant lastActivity();

  /** Starts receiving a stream added by a re-INVITE or UPDATE. */
  LocalEndpoint addStream(StreamSpec stream) throws MediaException;

  /**
   * Applies a changed offer for an existing stream (same label): new formats, a new direction (hold
   * and resume), a new remote address.
   */
  void updateStream(StreamSpec stream) throws MediaException;

  /** Stops receiving a stream; its channel gets silence from now on. */
  void removeStream(String label);

  /**
   * Stops receiving, pads every channel to the session's end, closes the WAV file (valid header)
   * and releases the ports. Idempotent.
   */
  MediaResult finish() throws MediaException;

  /**
   * As {@link #finish()}, with the recording ending at {@code endNanos} ({@link System#nanoTime()})
   * when that is earlier than now: the moment the call ended (its BYE arrived), so that the file is
   * as long as the call however long the node took to handle the end.
   */
  default MediaResult finish(long endNanos) throws MediaException {
    return finish();
  }

  /** Stops receiving, releases the ports and erases everything written. Idempotent. */
  void discard();
}
