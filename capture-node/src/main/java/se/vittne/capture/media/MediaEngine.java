package se.vittne.capture.media;

import java.util.List;

/** Receives the media of recording sessions. Implemented by the RTP engine; used by signalling. */
public interface MediaEngine {

  /** Whether the engine can decode this payload format into audio (or handle it as events). */
  boolean supports(PayloadFormat format);

  /**
   * Opens the media of one recording session: allocates a receive port pair per stream and starts
   * the WAV file. The file's sample rate is fixed here: 8 kHz when every stream's formats are
   * narrow-band, 16 kHz when any is wide-band.
   *
   * @throws MediaException when ports are exhausted, no format of a stream is supported, or the
   *     spool cannot be written
   */
  MediaSession open(MediaSessionSpec session, List<StreamSpec> streams) throws MediaException;
}
