package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JitterEstimatorTest {

  @Test
  void steadyTransitIsNoJitter() {
    JitterEstimator j = new JitterEstimator(8000);
    for (int i = 0; i < 100; i++) {
      j.update(1_000_000_000L + i * 20_000_000L, 5000 + 160L * i);
    }
    assertThat(j.jitter()).isCloseTo(0, within(1e-6));
  }

  @Test
  void alternatingDelayConvergesToTheTransitDifference() {
    // every other packet 10 ms late: |D| = 10 ms = 80 ticks at 8 kHz, J -> 80
    JitterEstimator j = new JitterEstimator(8000);
    for (int i = 0; i < 500; i++) {
      long delay = i % 2 == 0 ? 0 : 10_000_000L;
      j.update(i * 20_000_000L + delay, 160L * i);
    }
    assertThat(j.jitter()).isCloseTo(80, within(0.5));
  }

  @Test
  void resetForgetsTheHistory() {
    JitterEstimator j = new JitterEstimator(8000);
    j.update(0, 0);
    j.update(50_000_000L, 160);
    assertThat(j.jitter()).isPositive();
    j.reset();
    j.update(0, 999);
    assertThat(j.jitter()).isZero();
  }
}
