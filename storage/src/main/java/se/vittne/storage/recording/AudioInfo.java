package se.vittne.storage.recording;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The archived audio of a recording.
 *
 * @param codecs the codecs received, e.g. "PCMA" or "PCMU,opus"
 * @param channels channels in the file (two for stereo, one party per channel)
 * @param sampleRate samples per second
 * @param storeKey where the file is in the audio store
 * @param sizeBytes the file's size
 * @param sha256 the file's SHA-256 in lower-case hex
 */
public record AudioInfo(
    String codecs, int channels, int sampleRate, String storeKey, long sizeBytes, String sha256) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public AudioInfo {
    Objects.requireNonNull(codecs, "codecs");
    Objects.requireNonNull(storeKey, "storeKey");
    if (channels < 1 || sampleRate < 1 || sizeBytes < 0) {
      throw new IllegalArgumentException("channels, sample rate and size must be positive");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
  }
}
