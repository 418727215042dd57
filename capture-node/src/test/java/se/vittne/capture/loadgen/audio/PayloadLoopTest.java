package se.vittne.capture.loadgen.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.jaredmdobson.concentus.OpusDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadLoopTest {
  private static final AudioSource TONES = new AudioSource.Tones(List.of(440, 1000), 0.3);

  @Test
  void g711FramesAreOneOctetPerSampleAndLoopAfterOneSecond() throws IOException {
    PayloadLoop loop = PayloadLoop.encode(Codec.PCMU, TONES.pcm(0, 8000));
    assertThat(List.of(loop.frames())).hasSize(50);
    assertThat(List.of(loop.frames())).allSatisfy(frame -> assertThat(frame).hasSize(160));
    assertThat(loop.frame(50)).isSameAs(loop.frame(0));
  }

  @Test
  void pcmaCarriesEachParticipantsTone() throws IOException {
    for (int participant = 0; participant < 2; participant++) {
      PayloadLoop loop = PayloadLoop.encode(Codec.PCMA, TONES.pcm(participant, 8000));
      double[] decoded = new double[8000];
      for (int i = 0; i < decoded.length; i++) {
        decoded[i] = G711Decode.alaw(loop.frame(i / 160)[i % 160]);
      }
      double hz = Tones.dominantHz(decoded, 8000);
      assertThat(hz).isCloseTo(participant == 0 ? 440 : 1000, within(2.0));
    }
  }

  @Test
  void g722FramesAreHalfAnOctetPerSixteenKilohertzSample() throws IOException {
    PayloadLoop loop = PayloadLoop.encode(Codec.G722, TONES.pcm(1, 16_000));
    assertThat(List.of(loop.frames())).hasSize(50);
    assertThat(List.of(loop.frames())).allSatisfy(frame -> assertThat(frame).hasSize(160));
  }

  @Test
  void opusFramesDecodeBackToTheTone() throws Exception {
    PayloadLoop loop = PayloadLoop.encode(Codec.OPUS, TONES.pcm(1, 48_000));
    assertThat(List.of(loop.frames())).hasSize(50);
    OpusDecoder decoder = new OpusDecoder(48_000, 1);
    short[] pcm = new short[48_000];
    for (int f = 0; f < 50; f++) {
      byte[] frame = loop.frame(f);
      assertThat(frame.length).isBetween(1, 1275);
      decoder.decode(frame, 0, frame.length, pcm, f * 960, 960, false);
    }
    double[] tail = new double[16_384];
    for (int i = 0; i < tail.length; i++) {
      tail[i] = pcm[pcm.length - tail.length + i]; // after the encoder's start-up
    }
    assertThat(Tones.dominantHz(tail, 48_000)).isCloseTo(1000, within(5.0));
  }

  @Test
  void readsEachChannelOfAStereoWavAtTheCodecsRate(@TempDir Path dir) throws IOException {
    Path wav = dir.resolve("stereo.wav");
    writeStereoWav(wav, 16_000, 300, 2000);

    short[] left = new AudioSource.WavFile(wav).pcm(0, 8000);
    short[] right = new AudioSource.WavFile(wav).pcm(1, 8000);

    assertThat(left).hasSize(8000);
    assertThat(Tones.dominantHz(toDouble(left), 8000)).isCloseTo(300, within(2.0));
    assertThat(Tones.dominantHz(toDouble(right), 8000)).isCloseTo(2000, within(2.0));
  }

  private static void writeStereoWav(Path path, int rate, int leftHz, int rightHz)
      throws IOException {
    byte[] data = new byte[rate * 4];
    for (int i = 0; i < rate; i++) {
      short l = (short) (8000 * Math.sin(2 * Math.PI * leftHz * i / rate));
      short r = (short) (8000 * Math.sin(2 * Math.PI * rightHz * i / rate));
      data[4 * i] = (byte) l;
      data[4 * i + 1] = (byte) (l >> 8);
      data[4 * i + 2] = (byte) r;
      data[4 * i + 3] = (byte) (r >> 8);
    }
    AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new java.io.ByteArrayInputStream(data), format, rate)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, path.toFile());
    }
  }

  private static double[] toDouble(short[] pcm) {
    double[] out = new double[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = pcm[i];
    }
    return out;
  }
}
