package se.vittne.storage.recording;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The peaks of a recording's audio for the player's waveform: for each channel, {@code
 * points} values, each the largest absolute amplitude of its slice of the recording scaled to 0 to
 * 255.
 *
 * @param channels how many channels
 * @param points values per channel
 * @param peaks {@code channels * points} bytes, channel after channel, read as unsigned
 * @param duration the length of the audio
 */
public record Waveform(int channels, int points, byte[] peaks, Duration duration) {
  public Waveform {
    if (channels < 1 || channels > 8 || points < 1) {
      throw new IllegalArgumentException("1 to 8 channels and at least one point");
    }
    Objects.requireNonNull(duration, "duration");
    if (peaks.length != channels * points) {
      throw new IllegalArgumentException("peaks must hold channels * points values");
    }
    peaks = peaks.clone();
  }

  /** The peak of {@code point} in {@code channel}, 0 to 255. */
  public int peak(int channel, int point) {
    return Byte.toUnsignedInt(peaks[channel * points + point]);
  }

  @Override
  public byte[] peaks() {
    return peaks.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Waveform w
        && channels == w.channels
        && points == w.points
        && Arrays.equals(peaks, w.peaks)
        && duration.equals(w.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channels, points, Arrays.hashCode(peaks), duration);
  }

  @Override
  public String toString() {
    return "Waveform[" + channels + " x " + points + ", " + duration + "]";
  }
}
