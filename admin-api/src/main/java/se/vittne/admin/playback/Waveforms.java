package se.vittne.admin.playback;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.jooq.DSLContext;
import se.vittne.admin.access.Principal;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.recording.Recording;
import se.vittne.storage.recording.Waveform;
import se.vittne.storage.recording.WaveformRepository;

/**
 * The player's waveform: per channel, the peak amplitude of each of {@link #POINTS} equal
 * slices of the recording. Computed once, on first request, by reading the WAV through the JDK's
 * sound API, and kept in the database for every later player.
 */
public final class Waveforms {
  /** Slices per channel: enough for a wide player, small enough to send at once. */
  public static final int POINTS = 1000;

  private final DSLContext dsl;
  private final AudioStore store;
  private final RecordingAccess access;
  private final Clock clock;

  public Waveforms(DSLContext dsl, AudioStore store, RecordingAccess access, Clock clock) {
    this.dsl = dsl;
    this.store = store;
    this.access = access;
    this.clock = clock;
  }

  /**
   * A recording's waveform.
   *
   * @param channels the channels, in file order (one party each)
   * @param points values per channel
   * @param durationMs the audio's length
   * @param peaks per channel, each slice's peak amplitude from 0 (silence) to 1 (full scale)
   */
  public record WaveformView(int channels, int points, long durationMs, List<double[]> peaks) {}

  public WaveformView waveform(Principal p, UUID recordingId) throws IOException {
    Recording recording = access.find(p, recordingId);
    WaveformRepository waveforms = new WaveformRepository(dsl);
    Waveform waveform = waveforms.find(p.tenantId(), recording.id()).orElse(null);
    if (waveform == null) {
      waveform = compute(recording);
      waveforms.save(p.tenantId(), recording.id(), waveform, clock.instant());
    }
    return view(waveform);
  }

  private Waveform compute(Recording recording) throws IOException {
    try (InputStream file = store.get(new StoreKey(recording.audio().storeKey()));
        AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(file))) {
      return peaks(audio, recording.audio().sizeBytes());
    } catch (UnsupportedAudioFileException e) {
      throw new IOException("the audio of " + recording.id() + " is not a WAV file", e);
    }
  }

  /** The peaks of 16-bit (or 8-bit) linear PCM, read once from start to end. */
  static Waveform peaks(AudioInputStream audio, long fileSize) throws IOException {
    AudioFormat format = audio.getFormat();
    int channels = format.getChannels();
    int bytesPerSample = format.getSampleSizeInBits() / 8;
    if ((bytesPerSample != 1 && bytesPerSample != 2)
        || (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
            && format.getEncoding() != AudioFormat.Encoding.PCM_UNSIGNED)) {
      throw new IOException("the waveform needs 8- or 16-bit linear PCM, not " + format);
    }
    int frameSize = channels * bytesPerSample;
    long frames = audio.getFrameLength();
    if (frames == AudioSystem.NOT_SPECIFIED || frames < 0) {
      frames = Math.max(0, (fileSize - 44) / frameSize);
    }
    int points = (int) Math.max(1, Math.min(POINTS, frames));
    long framesPerPoint = Math.max(1, (frames + points - 1) / points);
    int[] max = new int[channels * points];
    byte[] buffer = new byte[frameSize * 4096];
    long frame = 0;
    int carry = 0;
    int n;
    while ((n = audio.read(buffer, carry, buffer.length - carry)) > 0 || carry > 0) {
      int available = carry + Math.max(n, 0);
      int whole = available / frameSize;
      for (int f = 0; f < whole; f++, frame++) {
        int point = (int) Math.min(points - 1, frame / framesPerPoint);
        for (int c = 0; c < channels; c++) {
          int at = f * frameSize + c * bytesPerSample;
          int amplitude = amplitude(buffer, at, bytesPerSample, format);
          int index = c * points + point;
          if (amplitude > max[index]) {
            max[index] = amplitude;
          }
        }
      }
      carry = available - whole * frameSize;
      System.arraycopy(buffer, whole * frameSize, buffer, 0, carry);
      if (n <= 0) {
        break;
      }
    }
    byte[] peaks = new byte[channels * points];
    int fullScale = bytesPerSample == 2 ? 32768 : 128;
    for (int i = 0; i < peaks.length; i++) {
      peaks[i] = (byte) Math.min(255, Math.round(max[i] * 255.0 / fullScale));
    }
    Duration duration = Duration.ofMillis(Math.round(frames * 1000.0 / format.getSampleRate()));
    return new Waveform(channels, points, peaks, duration);
  }

  private static int amplitude(byte[] b, int at, int bytes, AudioFormat format) {
    if (bytes == 1) {
      int v =
          format.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED ? (b[at] & 0xff) - 128 : b[at];
      return Math.abs(v);
    }
    int v =
        format.isBigEndian()
            ? (short) ((b[at] << 8) | (b[at + 1] & 0xff))
            : (short) ((b[at + 1] << 8) | (b[at] & 0xff));
    return Math.abs(v);
  }

  private static WaveformView view(Waveform w) {
    List<double[]> peaks = new ArrayList<>(w.channels());
    for (int c = 0; c < w.channels(); c++) {
      double[] values = new double[w.points()];
      for (int i = 0; i < w.points(); i++) {
        values[i] = Math.round(w.peak(c, i) / 255.0 * 1000) / 1000.0;
      }
      peaks.add(values);
    }
    return new WaveformView(w.channels(), w.points(), w.duration().toMillis(), peaks);
  }
}
