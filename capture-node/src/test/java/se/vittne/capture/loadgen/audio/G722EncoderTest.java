package se.vittne.capture.loadgen.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Compares the encoder with ffmpeg's G.722 encoder on vectors made by {@code
 * src/test/resources/loadgen/make-g722-vectors.sh}.
 */
class G722EncoderTest {

  @Test
  void matchesFfmpegsEncodingOfTheSameInput() throws IOException {
    short[] input = readPcm("/loadgen/g722-input.s16le");
    byte[] expected = read("/loadgen/g722-ffmpeg.g722");

    byte[] encoded = new byte[input.length / 2];
    new G722Encoder().encode(input, 0, input.length, encoded, 0);

    assertThat(encoded).hasSize(expected.length);
    assertThat(encoded).isEqualTo(expected);
  }

  @Test
  void encodesTwentyMillisecondsIntoOneHundredSixtyOctets() {
    short[] pcm = new AudioSource.Tones(java.util.List.of(1000), 0.5).pcm(0, 16_000);
    byte[] out = new byte[160];
    int written = new G722Encoder().encode(pcm, 0, 320, out, 0);
    assertThat(written).isEqualTo(160);
  }

  private static short[] readPcm(String resource) throws IOException {
    byte[] bytes = read(resource);
    short[] samples = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return samples;
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = G722EncoderTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }
}
