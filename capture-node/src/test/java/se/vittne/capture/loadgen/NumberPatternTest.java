package se.vittne.capture.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberPatternTest {

  @Test
  void replacesTheHashRunWithTheZeroPaddedIndex() {
    NumberPattern pattern = new NumberPattern("+46701######");
    assertThat(pattern.number(0)).isEqualTo("+46701000000");
    assertThat(pattern.number(42)).isEqualTo("+46701000042");
    assertThat(pattern.aor(42, "pbx.example")).isEqualTo("sip:+46701000042@pbx.example");
  }

  @Test
  void wrapsAnIndexTooLongForTheRun() {
    assertThat(new NumberPattern("10##").number(123)).isEqualTo("1023");
  }

  @Test
  void keepsAWholeAddressAsItIs() {
    assertThat(new NumberPattern("agent-##@tenant.example").aor(7, "ignored"))
        .isEqualTo("sip:agent-07@tenant.example");
    assertThat(new NumberPattern("tel:+4670#").aor(3, "x")).isEqualTo("tel:+46703");
  }
}
