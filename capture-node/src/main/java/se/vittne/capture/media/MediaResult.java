package se.vittne.capture.media;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished recording session's media: the closed WAV file in the spool and what is known about
 * it.
 *
 * @param wavFile the WAV file in the spool directory
 * @param start when the session's timeline started (the first sample)
 * @param duration the length of the audio
 * @param channels 1 or 2
 * @param sampleRate 8000 or 16000
 * @param codecs the encodings that were received, e.g. {@code ["PCMA", "opus"]}
 * @param quality per channel, in channel order
 * @param dtmf telephone events, with digits only where the tenant keeps them
 */
public record MediaResult(
    Path wavFile,
    Instant start,
    Duration duration,
    int channels,
    int sampleRate,
    List<String> codecs,
    List<ChannelQuality> quality,
    List<DtmfEvent> dtmf) {
  public MediaResult {
    Objects.requireNonNull(wavFile, "wavFile");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    codecs = List.copyOf(codecs);
    quality = List.copyOf(quality);
    dtmf = List.copyOf(dtmf);
  }
}
