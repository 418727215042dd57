package se.vittne.capture.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import se.vittne.capture.codec.Spectrum;

/** A WAV file read back with the JDK's reader (independent of ours), split into channels. */
public final class WavFile {
  public final int rate;
  public final int channels;
  public final short[][] samples;

  private WavFile(int rate, short[][] samples) {
    this.rate = rate;
    this.channels = samples.length;
    this.samples = samples;
  }

  public static WavFile read(Path path) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(path.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16 || f.isBigEndian()) {
        throw new IOException("not 16-bit little-endian PCM: " + f);
      }
      int channels = f.getChannels();
      byte[] data = in.readAllBytes();
      int frames = data.length / (2 * channels);
      if (in.getFrameLength() != frames) {
        throw new IOException("header says " + in.getFrameLength() + " frames, data " + frames);
      }
      short[][] s = new short[channels][frames];
      ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < frames; i++) {
        for (int c = 0; c < channels; c++) {
          s[c][i] = b.getShort();
        }
      }
      return new WavFile((int) f.getSampleRate(), s);
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(e);
    }
  }

  public int frames() {
    return samples[0].length;
  }

  public double seconds() {
    return frames() / (double) rate;
  }

  /** RMS of a channel between two times in seconds. */
  public double rms(int channel, double from, double to) {
    int a = (int) Math.round(from * rate);
    int b = Math.min(frames(), (int) Math.round(to * rate));
    return Spectrum.rms(samples[channel], a, Math.max(0, b - a));
  }

  /** The dominant frequency of a channel between two times in seconds. */
  public double dominantHz(int channel, double from, double to) {
    int a = (int) Math.round(from * rate);
    int b = Math.min(frames(), (int) Math.round(to * rate));
    return Spectrum.of(samples[channel], a, b - a, rate).dominantHz();
  }

  /** The time (s) of the first sample after {@code after} whose magnitude exceeds {@code level}. */
  public double onset(int channel, double after, double level) {
    for (int i = (int) Math.round(after * rate); i < frames(); i++) {
      if (Math.abs(samples[channel][i]) > level) {
        return i / (double) rate;
      }
    }
    return Double.NaN;
  }
}
