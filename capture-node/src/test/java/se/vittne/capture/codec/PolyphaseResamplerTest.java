package se.vittne.capture.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolyphaseResamplerTest {

  /** Feeds {@code in} through the resampler in 20 ms blocks, as packets arrive. */
  private static short[] run(PolyphaseResampler r, short[] in, int block) {
    short[] out = new short[in.length * 8];
    int written = 0;
    for (int off = 0; off < in.length; off += block) {
      written += r.process(in, off, Math.min(block, in.length - off), out, written);
    }
    return java.util.Arrays.copyOf(out, written);
  }

  @Test
  void upsamplingTwiceKeepsToneAndLevelAndLeavesNoImage() {
    short[] in = Spectrum.tone(1000, 10000, 8000, 8000);
    short[] out = run(new PolyphaseResampler(2, 1, 160), in, 160);

    assertThat(out).hasSize(16000);
    Spectrum s = Spectrum.of(out, 4000, 8192, 16000);
    assertThat(s.dominantHz()).isCloseTo(1000, within(5.0));
    // the image of 1 kHz at 8 kHz sampling sits at 7 kHz: at least 60 dB down
    assertThat(10 * Math.log10(s.powerNear(7000, 50) / s.powerNear(1000, 50))).isLessThan(-60);
    assertThat(Spectrum.rms(out, 4000, 8000)).isCloseTo(10000 / Math.sqrt(2), within(100.0));
  }

  @Test
  void downsamplingTwiceFiltersWhatWouldAlias() {
    short[] tone6k = Spectrum.tone(6000, 10000, 16000, 16000);
    short[] out = run(new PolyphaseResampler(1, 2, 320), tone6k, 320);

    assertThat(out).hasSize(8000);
    // 6 kHz would fold to 2 kHz at 8 kHz sampling; the filter removes it
    assertThat(Spectrum.rms(out, 1000, 6000)).isLessThan(10000 * 0.001);
  }

  @Test
  void downsamplingByThreeKeepsPassBandTone() {
    short[] in = Spectrum.tone(3000, 12000, 48000, 48000);
    short[] out = run(new PolyphaseResampler(1, 3, 960), in, 960);

    assertThat(out).hasSize(16000);
    assertThat(Spectrum.of(out, 2000, 8192, 16000).dominantHz()).isCloseTo(3000, within(5.0));
    assertThat(Spectrum.rms(out, 2000, 12000)).isCloseTo(12000 / Math.sqrt(2), within(150.0));
  }

  @Test
  void delayIsWhereTheImpulseComesOut() {
    PolyphaseResampler r = new PolyphaseResampler(2, 1, 512);
    short[] impulse = new short[256];
    impulse[10] = 20000;
    short[] out = run(r, impulse, 256);
    int peak = 0;
    for (int i = 0; i < out.length; i++) {
      if (Math.abs(out[i]) > Math.abs(out[peak])) {
        peak = i;
      }
    }
    assertThat(peak - 2 * 10).isBetween(r.delay() - 1, r.delay() + 1);
  }

  @Test
  void blockBoundariesAreSeamless() {
    short[] in = Spectrum.tone(700, 9000, 4000, 8000);
    short[] whole = run(new PolyphaseResampler(2, 1, 4000), in, 4000);
    assertThat(run(new PolyphaseResampler(2, 1, 4000), in, 37)).containsExactly(whole);
    // blocks shorter than the filter, too
    assertThat(run(new PolyphaseResampler(2, 1, 4000), in, 5)).containsExactly(whole);
    short[] in48 = Spectrum.tone(900, 9000, 4800, 48000);
    short[] whole16 = run(new PolyphaseResampler(1, 3, 4800), in48, 4800);
    assertThat(run(new PolyphaseResampler(1, 3, 4800), in48, 7)).containsExactly(whole16);
  }
}
