package se.vittne.capture.loadgen.audio;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads one channel of a WAV file as 16-bit PCM at a wanted rate. The JDK's sound API parses the
 * file and converts sample formats; the rate is changed here by linear interpolation, which is
 * plenty for load but not for listening tests.
 */
final class WavAudio {
  /** Ten minutes at 48 kHz: bounds the memory a huge file could take. */
  static final int MAX_SAMPLES = 48_000 * 600;

  private WavAudio() {}

  static short[] read(Path path, int participant, int sampleRate) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(path));
        AudioInputStream source = AudioSystem.getAudioInputStream(file)) {
      AudioFormat in = source.getFormat();
      AudioFormat pcm16 =
          new AudioFormat(
              AudioFormat.Encoding.PCM_SIGNED,
              in.getSampleRate(),
              16,
              in.getChannels(),
              2 * in.getChannels(),
              in.getSampleRate(),
              true);
      try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16, source)) {
        short[] channel = readChannel(converted, in.getChannels(), participant);
        return resample(channel, Math.round(in.getSampleRate()), sampleRate);
      }
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new IOException("cannot read " + path + " as PCM audio: " + e.getMessage(), e);
    }
  }

  private static short[] readChannel(AudioInputStream in, int channels, int participant)
      throws IOException {
    int wanted = channels == 1 ? 0 : participant % channels;
    DataInputStream data = new DataInputStream(in);
    short[] out = new short[1024];
    int count = 0;
    byte[] frame = new byte[2 * channels];
    while (count < MAX_SAMPLES && data.read(frame) == frame.length) {
      if (count == out.length) {
        out = java.util.Arrays.copyOf(out, out.length * 2);
      }
      out[count++] = (short) (((frame[2 * wanted] & 0xFF) << 8) | (frame[2 * wanted + 1] & 0xFF));
    }
    if (count == 0) {
      throw new IOException("the file holds no audio");
    }
    return java.util.Arrays.copyOf(out, count);
  }

  static short[] resample(short[] in, int fromRate, int toRate) {
    if (fromRate == toRate) {
      return in;
    }
    int length = (int) ((long) in.length * toRate / fromRate);
    short[] out = new short[Math.max(1, length)];
    for (int i = 0; i < out.length; i++) {
      double position = (double) i * fromRate / toRate;
      int left = (int) position;
      int right = Math.min(left + 1, in.length - 1);
      double share = position - left;
      out[i] = (short) Math.round(in[left] * (1 - share) + in[right] * share);
    }
    return out;
  }
}
