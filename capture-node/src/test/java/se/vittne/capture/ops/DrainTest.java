package se.vittne.capture.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainTest {

  @Test
  void refusesNewSessionsAndReturnsWhenTheLastSessionEnds() throws Exception {
    AtomicInteger active = new AtomicInteger(2);
    Drain drain = new Drain(active::get);
    Thread calls =
        Thread.ofVirtual()
            .start(() -> {
              try {
                Thread.sleep(150);
                active.decrementAndGet();
                Thread.sleep(150);
                active.decrementAndGet();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    int left = drain.drain(Duration.ofSeconds(30));

    calls.join();
    assertThat(left).isZero();
    assertThat(drain.draining()).isTrue();
    assertThat(drain.check().healthy()).isFalse();
  }

  @Test
  void givesUpAfterTheTimeoutAndReportsWhatIsLeft() throws Exception {
    Drain drain = new Drain(() -> 3);

    assertThat(drain.check().healthy()).isTrue();
    assertThat(drain.drain(Duration.ofMillis(250))).isEqualTo(3);
    assertThat(drain.check().detail()).isEqualTo("draining, 3 sessions left");
  }
}
