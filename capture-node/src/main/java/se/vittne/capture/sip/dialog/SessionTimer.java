package se.vittne.capture.sip.dialog;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import se.vittne.capture.sip.SipServerConfig.SessionTimers;
import se.vittne.capture.sip.message.Headers;

/**
 * The session timer of RFC 4028 as negotiated by one INVITE or UPDATE (section 9): the interval and
 * who refreshes. The recorder follows the SRC: it refreshes (with UPDATE, section 7.4) only when
 * the SRC asks it to and allows UPDATE.
 *
 * @param interval the session interval
 * @param weRefresh whether the recorder must send the refreshes
 * @param requireTimer whether the response carries {@code Require: timer}
 */
record SessionTimer(Duration interval, boolean weRefresh, boolean requireTimer) {

  /** The response header value. */
  String sessionExpiresHeader() {
    return interval.toSeconds() + ";refresher=" + (weRefresh ? "uas" : "uac");
  }

  /**
   * When the recorder, not refreshing, gives up on a silent session: before the interval ends, by
   * the smaller of 32 seconds and a third of it (section 10).
   */
  Duration expiry() {
    long seconds = interval.toSeconds();
    return Duration.ofMillis(seconds * 1000 - Math.min(32_000, seconds * 1000 / 3));
  }

  /** When the recorder, refreshing, sends its refresh: half way (section 7.2). */
  Duration refreshAfter() {
    return interval.dividedBy(2);
  }

  /** The negotiation's result. */
  sealed interface Outcome {
    record None() implements Outcome {}

    record Use(SessionTimer timer) implements Outcome {}

    /** The requested interval is below our minimum: 422 with this Min-SE. */
    record TooSmall(Duration minSe) implements Outcome {}
  }

  /**
   * @param headers the INVITE's or UPDATE's headers
   * @param settings our settings
   * @param peerAllowsUpdate whether the SRC's Allow (from its INVITE) lists UPDATE
   */
  static Outcome negotiate(Headers headers, SessionTimers settings, boolean peerAllowsUpdate) {
    if (!settings.enabled()) {
      return new Outcome.None();
    }
    List<String> supported = headers.tokens("Supported");
    supported.addAll(headers.tokens("k"));
    boolean uacSupports =
        supported.contains("timer") || headers.tokens("Require").contains("timer");
    Optional<String> expires = headers.first("Session-Expires").or(() -> headers.first("x"));
    OptionalLong requested = expires.map(SessionTimer::delta).orElse(OptionalLong.empty());
    Optional<String> refresher = expires.flatMap(SessionTimer::refresher);
    long minSe = settings.minSe().toSeconds();
    long interval;
    if (requested.isPresent()) {
      if (requested.getAsLong() < minSe) {
        return new Outcome.TooSmall(settings.minSe());
      }
      interval = requested.getAsLong();
    } else if (uacSupports) {
      OptionalLong theirMin =
          headers.first("Min-SE").map(SessionTimer::delta).orElse(OptionalLong.empty());
      interval = Math.max(settings.sessionExpires().toSeconds(), theirMin.orElse(0));
    } else {
      return new Outcome.None();
    }
    boolean weRefresh = refresher.map("uas"::equals).orElse(!uacSupports);
    if (weRefresh && !peerAllowsUpdate) {
      // We refresh with UPDATE only; without it the SRC's own media keeps the call alive.
      return new Outcome.None();
    }
    return new Outcome.Use(new SessionTimer(Duration.ofSeconds(interval), weRefresh, uacSupports));
  }

  private static OptionalLong delta(String value) {
    String number = value.split(";", 2)[0].strip();
    try {
      long seconds = Long.parseLong(number);
      return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Optional<String> refresher(String value) {
    for (String param : value.split(";")) {
      String[] pair = param.strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("refresher")) {
        String who = pair[1].strip().toLowerCase(Locale.ROOT);
        if (who.equals("uac") || who.equals("uas")) {
          return Optional.of(who);
        }
      }
    }
    return Optional.empty();
  }
}
