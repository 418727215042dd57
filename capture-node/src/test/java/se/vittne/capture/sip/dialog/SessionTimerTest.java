package se.vittne.capture.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vittne.capture.sip.SipServerConfig.SessionTimers;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.Headers;

class SessionTimerTest {
  private static final SessionTimers SETTINGS =
      new SessionTimers(true, Duration.ofSeconds(1800), Duration.ofSeconds(90));

  private static Headers headers(String... pairs) {
    List<HeaderField> fields = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.add(new HeaderField(pairs[i], pairs[i + 1]));
    }
    return new Headers(fields);
  }

  private static SessionTimer use(SessionTimer.Outcome outcome) {
    assertThat(outcome).isInstanceOf(SessionTimer.Outcome.Use.class);
    return ((SessionTimer.Outcome.Use) outcome).timer();
  }

  @Test
  void followsTheSrcsIntervalAndLetsItRefresh() {
    SessionTimer timer =
        use(
            SessionTimer.negotiate(
                headers("Supported", "timer, 100rel", "Session-Expires", "600;refresher=uac"),
                SETTINGS,
                true));

    assertThat(timer.interval()).isEqualTo(Duration.ofSeconds(600));
    assertThat(timer.weRefresh()).isFalse();
    assertThat(timer.requireTimer()).isTrue();
    assertThat(timer.sessionExpiresHeader()).isEqualTo("600;refresher=uac");
    assertThat(timer.expiry()).isEqualTo(Duration.ofSeconds(568));
  }

  @Test
  void offersOurIntervalWhenTheSrcSupportsTimersButAsksNone() {
    SessionTimer timer =
        use(
            SessionTimer.negotiate(
                headers("Supported", "timer", "Min-SE", "2000"), SETTINGS, true));

    assertThat(timer.interval()).isEqualTo(Duration.ofSeconds(2000));
    assertThat(timer.weRefresh()).isFalse();
  }

  @Test
  void refusesIntervalsBelowMinSe() {
    assertThat(SessionTimer.negotiate(headers("Session-Expires", "89"), SETTINGS, true))
        .isEqualTo(new SessionTimer.Outcome.TooSmall(Duration.ofSeconds(90)));
  }

  @Test
  void refreshesWithUpdateOnlyWhenAskedToAndAllowed() {
    SessionTimer asked =
        use(
            SessionTimer.negotiate(
                headers("Supported", "timer", "Session-Expires", "300;refresher=uas"),
                SETTINGS,
                true));

    assertThat(asked.weRefresh()).isTrue();
    assertThat(asked.refreshAfter()).isEqualTo(Duration.ofSeconds(150));
    assertThat(asked.sessionExpiresHeader()).isEqualTo("300;refresher=uas");
    assertThat(
            SessionTimer.negotiate(
                headers("Supported", "timer", "Session-Expires", "300;refresher=uas"),
                SETTINGS,
                false))
        .isEqualTo(new SessionTimer.Outcome.None());
  }

  @Test
  void usesNoTimerWithoutSupportOrWhenDisabled() {
    assertThat(SessionTimer.negotiate(headers("Supported", "100rel"), SETTINGS, true))
        .isEqualTo(new SessionTimer.Outcome.None());
    assertThat(
            SessionTimer.negotiate(
                headers("Session-Expires", "600"),
                new SessionTimers(false, Duration.ofSeconds(1800), Duration.ofSeconds(90)),
                true))
        .isEqualTo(new SessionTimer.Outcome.None());
  }

  @Test
  void readsCompactFormsAndIgnoresGarbage() {
    SessionTimer compact =
        use(SessionTimer.negotiate(headers("k", "timer", "x", "1200"), SETTINGS, true));
    SessionTimer garbage =
        use(
            SessionTimer.negotiate(
                headers("Supported", "timer", "Session-Expires", "soon;refresher=nobody"),
                SETTINGS,
                true));

    assertThat(compact.interval()).isEqualTo(Duration.ofSeconds(1200));
    assertThat(garbage.interval()).isEqualTo(Duration.ofSeconds(1800));
  }
}
