package se.vittne.capture.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SipTimersTest {
  private final SipTimers timers = SipTimers.DEFAULT;

  @Test
  void timerADoublesFromT1() {
    assertThat(timers.timerA(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(timers.timerA(1)).isEqualTo(Duration.ofMillis(1000));
    assertThat(timers.timerA(5)).isEqualTo(Duration.ofMillis(16_000));
  }

  @Test
  void timerEDoublesUpToT2AndStaysAtT2AfterAProvisionalResponse() {
    assertThat(timers.timerE(0, false)).isEqualTo(Duration.ofMillis(500));
    assertThat(timers.timerE(2, false)).isEqualTo(Duration.ofMillis(2000));
    assertThat(timers.timerE(3, false)).isEqualTo(Duration.ofSeconds(4));
    assertThat(timers.timerE(9, false)).isEqualTo(Duration.ofSeconds(4));
    assertThat(timers.timerE(0, true)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void transactionsTimeOutAfterSixtyFourT1() {
    assertThat(timers.transactionTimeout()).isEqualTo(Duration.ofSeconds(32));
  }
}
