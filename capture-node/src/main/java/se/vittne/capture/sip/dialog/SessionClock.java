package se.vittne.capture.sip.dialog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import se.vittne.capture.sip.message.DialogHandle;
import se.vittne.capture.sip.message.HeaderField;

/**
 * The timers of one session: the wait for the ACK of the answer, and the session timer of RFC 4028
 * (expiry when the SRC refreshes, refresh by UPDATE when the recorder must). Every timer fires by
 * posting to the session's serial executor.
 */
final class SessionClock {
  /** What the clock asks of its session; called on the session's executor. */
  interface Events {
    void post(Runnable task);

    /** The session timer ran out, or a refresh failed. */
    void expired(String detail);

    /** No ACK came for the answer in time. */
    void ackMissing();
  }

  private final ScheduledExecutorService timers;
  private final DialogHandle dialog;
  private final Events events;
  private Optional<SessionTimer> timer = Optional.empty();
  private ScheduledFuture<?> ackGuard;
  private ScheduledFuture<?> timerTask;
  private boolean stopped;

  SessionClock(ScheduledExecutorService timers, DialogHandle dialog, Events events) {
    this.timers = timers;
    this.dialog = dialog;
    this.events = events;
  }

  void awaitAck(Duration wait) {
    ackGuard = schedule(wait, events::ackMissing);
  }

  void acked() {
    cancel(ackGuard);
  }

  /** Starts over with the timer the last request negotiated (or none). */
  void use(SessionTimer.Outcome negotiated) {
    cancel(timerTask);
    timer =
        negotiated instanceof SessionTimer.Outcome.Use use
            ? Optional.of(use.timer())
            : Optional.empty();
    timer.ifPresent(t ->
        timerTask =
            t.weRefresh()
                ? schedule(t.refreshAfter(), this::refresh)
                : schedule(t.expiry(), () -> events.expired("session timer expired")));
  }

  void stop() {
    stopped = true;
    cancel(ackGuard);
    cancel(timerTask);
  }

  private void refresh() {
    if (stopped || timer.isEmpty()) {
      return;
    }
    SessionTimer current = timer.get();
    dialog.sendUpdate(
        List.of(
            new HeaderField("Session-Expires", current.sessionExpiresHeader()),
            new HeaderField("Supported", "timer")),
        status -> events.post(() -> refreshed(current, status)));
  }

  private void refreshed(SessionTimer current, int status) {
    if (stopped) {
      return;
    }
    if (status >= 200 && status < 300) {
      use(new SessionTimer.Outcome.Use(current));
    } else if (status == 408 || status == 481) {
      events.expired("session refresh failed with " + status);
    } else {
      // Refused for another reason: the session lives until the interval ends.
      timerTask =
          schedule(
              current.expiry().minus(current.refreshAfter()),
              () -> events.expired("session refresh refused with " + status));
    }
  }

  private ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return timers.schedule(
        () ->
            events.post(() -> {
              if (!stopped) {
                task.run();
              }
            }),
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
