package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventsTest {
  private final List<long[]> events = new ArrayList<>();
  private final TelephoneEvents tracker =
      new TelephoneEvents((ts, event, duration) -> events.add(new long[] {ts, event, duration}));

  private void send(int event, boolean end, int duration, long ts) {
    byte[] p = RtpPackets.telephoneEvent(event, end, 10, duration);
    assertThat(tracker.accept(p, 0, p.length, ts)).isTrue();
  }

  @Test
  void reportsOneEventPerKeyPressDespiteTheRepeatedEnd() {
    send(5, false, 160, 1000);
    send(5, false, 320, 1000);
    send(5, true, 800, 1000);
    send(5, true, 800, 1000);
    send(5, true, 800, 1000);
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).containsExactly(1000, 5, 800);
  }

  @Test
  void reportsAnEventWhoseEndWasLostWhenTheNextStarts() {
    send(1, false, 400, 1000);
    send(2, true, 480, 5000);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).containsExactly(1000, 1, 400);
    assertThat(events.get(1)).containsExactly(5000, 2, 480);
  }

  @Test
  void flushReportsAnOpenEvent() {
    send(11, false, 240, 1000);
    tracker.flush();
    tracker.flush();
    assertThat(events).hasSize(1);
    assertThat(TelephoneEvents.digit((int) events.get(0)[1])).isEqualTo('#');
  }

  @Test
  void ignoresNonDtmfEventsAndShortPayloads() {
    send(16, true, 160, 1000); // flash
    assertThat(events).isEmpty();
    assertThat(tracker.accept(new byte[3], 0, 3, 2000)).isFalse();
  }
}
