package se.vittne.capture.loadgen.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a stream's audio comes from: a tone per participant or a WAV file. Each yields a loop of
 * 16-bit PCM at the codec's sample rate, played from the start again when it ends.
 */
public sealed interface AudioSource {

  /** The default: 440 Hz for the first participant, 1 kHz for the second. */
  AudioSource DEFAULT_TONES = new Tones(List.of(440, 1000), 0.3);

  /** One loop of PCM for the participant with this index (0 = caller, 1 = callee). */
  short[] pcm(int participant, int sampleRate) throws IOException;

  /**
   * Sine tones, participant i getting {@code frequenciesHz[i % size]}: a recording can be checked
   * by FFT for which party is on which channel. Frequencies are whole hertz so that one second is a
   * whole number of periods and the loop has no seam.
   *
   * @param frequenciesHz one frequency per participant, each below half the sample rate
   * @param level peak amplitude as a share of full scale, 0 to 1
   */
  record Tones(List<Integer> frequenciesHz, double level) implements AudioSource {
    public Tones {
      frequenciesHz = List.copyOf(frequenciesHz);
      if (frequenciesHz.isEmpty()) {
        throw new IllegalArgumentException("at least one tone frequency is needed");
      }
      if (!(level > 0 && level <= 1)) {
        throw new IllegalArgumentException("level must be in (0, 1]: " + level);
      }
    }

    /** The frequency sent by this participant. */
    public int frequencyOf(int participant) {
      return frequenciesHz.get(participant % frequenciesHz.size());
    }

    @Override
    public short[] pcm(int participant, int sampleRate) {
      int hz = frequencyOf(participant);
      if (hz <= 0 || 2 * hz >= sampleRate) {
        throw new IllegalArgumentException(hz + " Hz cannot be sampled at " + sampleRate + " Hz");
      }
      short[] samples = new short[sampleRate];
      double amplitude = level * Short.MAX_VALUE;
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
      }
      return samples;
    }
  }

  /**
   * A WAV file: a stereo file gives its left channel to the caller and its right to the callee; a
   * mono file gives both the same audio.
   */
  record WavFile(Path path) implements AudioSource {
    public WavFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public short[] pcm(int participant, int sampleRate) throws IOException {
      return WavAudio.read(path, participant, sampleRate);
    }
  }
}
