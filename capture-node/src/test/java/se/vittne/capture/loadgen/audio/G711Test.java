package se.vittne.capture.loadgen.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

  @Test
  void encodesSilenceAsTheCodesOfZero() {
    assertThat(G711.ulaw((short) 0)).isEqualTo((byte) 0xFF);
    assertThat(G711.alaw((short) 0)).isEqualTo((byte) 0xD5);
  }

  @Test
  void encodesFullScaleAsTheOuterCodes() {
    assertThat(G711.ulaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
    assertThat(G711.ulaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
    assertThat(G711.alaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
    assertThat(G711.alaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
  }

  @Test
  void ulawRoundTripStaysWithinHalfAQuantizationStep() {
    for (int sample = -32124; sample <= 32124; sample += 7) {
      int decoded = G711Decode.ulaw(G711.ulaw((short) sample));
      assertThat(Math.abs(decoded - sample))
          .as("sample %d", sample)
          .isLessThanOrEqualTo(stepOf(Math.abs(sample), 0x84) / 2 + 4);
    }
  }

  @Test
  void alawRoundTripStaysWithinHalfAQuantizationStep() {
    for (int sample = -32256; sample <= 32256; sample += 7) {
      int decoded = G711Decode.alaw(G711.alaw((short) sample));
      assertThat(Math.abs(decoded - sample))
          .as("sample %d", sample)
          .isLessThanOrEqualTo(stepOf(Math.abs(sample), 0x100) / 2 + 8);
    }
  }

  @Test
  void codesAreMonotonicInTheSample() {
    int previous = Integer.MIN_VALUE;
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample += 3) {
      int decoded = G711Decode.ulaw(G711.ulaw((short) sample));
      assertThat(decoded).isGreaterThanOrEqualTo(previous);
      previous = decoded;
    }
  }

  /** The segment's step size at this magnitude: doubles with each segment. */
  private static int stepOf(int magnitude, int firstSegmentEnd) {
    int step = 16;
    int end = firstSegmentEnd * 2;
    while (magnitude > end && step < 2048) {
      step *= 2;
      end *= 2;
    }
    return step * 2;
  }
}
