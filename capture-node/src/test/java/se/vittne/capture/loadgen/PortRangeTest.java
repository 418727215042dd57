package se.vittne.capture.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortRangeTest {

  @Test
  void walksTheRangeWithItsStepAndWraps() {
    PortRange range = PortRange.parse("40000-40006", 2);
    assertThat(range.ports()).containsExactly(40000, 40002, 40004, 40006);
    assertThat(range.size()).isEqualTo(4);
    assertThat(range.port(5)).isEqualTo(40002);
  }

  @Test
  void refusesAReversedRange() {
    assertThatThrownBy(() -> PortRange.parse("5000-4000", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
