package se.vittne.capture.wav;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A recording whose node died while it ran, repaired into a valid WAV file. The session layer
 * decides its fate (policy check, archive or erase) and then deletes both files.
 *
 * @param sessionId the recording session's id
 * @param callId the SIP Call-ID
 * @param wavFile the repaired WAV file ({@code *.recovered.wav})
 * @param metadataFile the metadata beside it ({@code *.recovered.properties})
 * @param start the instant of the first sample
 * @param duration the audio that survived
 * @param sampleRate the WAV sample rate
 * @param channels the WAV channels
 */
public record RecoveredRecording(
    String sessionId,
    String callId,
    Path wavFile,
    Path metadataFile,
    Instant start,
    Duration duration,
    int sampleRate,
    int channels) {
  public RecoveredRecording {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(wavFile, "wavFile");
    Objects.requireNonNull(metadataFile, "metadataFile");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
  }
}
