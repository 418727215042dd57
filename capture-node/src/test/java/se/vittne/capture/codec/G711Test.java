package se.vittne.capture.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

  /** The JDK's own G.711 converter, an independent reference for all 256 codes. */
  private static short[] jdkDecode(AudioFormat.Encoding encoding) throws Exception {
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    AudioFormat law = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
    AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
    try (AudioInputStream in =
            new AudioInputStream(new ByteArrayInputStream(codes), law, codes.length);
        AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
      byte[] b = converted.readAllBytes();
      short[] s = new short[256];
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
      return s;
    }
  }

  @Test
  void ulawTableMatchesTheJdkForEveryCode() throws Exception {
    short[] expected = jdkDecode(AudioFormat.Encoding.ULAW);
    short[] out = new short[256];
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    assertThat(G711.ulawDecoder().decode(codes, 0, 256, out, 0)).isEqualTo(256);
    assertThat(out).containsExactly(expected);
    assertThat(G711.ulaw((byte) 0xFF)).isZero();
    assertThat(G711.ulaw((byte) 0x00)).isEqualTo((short) -32124);
  }

  @Test
  void alawTableMatchesTheJdkForEveryCode() throws Exception {
    short[] expected = jdkDecode(AudioFormat.Encoding.ALAW);
    short[] out = new short[256];
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    assertThat(G711.alawDecoder().decode(codes, 0, 256, out, 0)).isEqualTo(256);
    assertThat(out).containsExactly(expected);
    assertThat(G711.alaw((byte) 0xD5)).isEqualTo((short) 8);
  }

  @Test
  void encodersInvertTheDecodersOnEveryCode() {
    for (int i = 0; i < 256; i++) {
      byte code = (byte) i;
      assertThat(G711.alaw(G711.encodeAlaw(G711.alaw(code)))).isEqualTo(G711.alaw(code));
      assertThat(G711.ulaw(G711.encodeUlaw(G711.ulaw(code)))).isEqualTo(G711.ulaw(code));
    }
  }

  @Test
  void encodingQuantisesWithinTheSegmentStep() {
    for (int v = -32768; v <= 32767; v += 7) {
      short s = (short) v;
      int magnitude = Math.abs(v);
      int step = Math.max(16, Integer.highestOneBit(Math.max(1, magnitude)) >> 3);
      assertThat(Math.abs(G711.ulaw(G711.encodeUlaw(s)) - v))
          .isLessThanOrEqualTo(Math.max(step, 140));
      assertThat(Math.abs(G711.alaw(G711.encodeAlaw(s)) - v))
          .isLessThanOrEqualTo(Math.max(step, 140));
    }
  }
}
