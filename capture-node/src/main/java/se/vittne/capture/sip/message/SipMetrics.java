package se.vittne.capture.sip.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import se.vittne.capture.sip.EndReason;

/**
 * The SIP server's Micrometer meters. Tag values are bounded: unknown methods count as {@code
 * OTHER}, so that a flood of invented methods cannot create meters without end.
 *
 * <ul>
 *   <li>{@code vittne.sip.requests} (method, transport): requests received
 *   <li>{@code vittne.sip.responses} (method, status): responses sent
 *   <li>{@code vittne.sip.refusals} (reason): requests refused, e.g. untrusted, bad_sdp
 *   <li>{@code vittne.sip.malformed}: messages the stack could not parse (dropped, or answered 400
 *       by the stack when the message has enough headers to answer)
 *   <li>{@code vittne.sip.sessions.started}, {@code vittne.sip.sessions.ended} (reason), {@code
 *       vittne.sip.sessions.refreshed}, gauge {@code vittne.sip.sessions.active}
 * </ul>
 */
public final class SipMetrics {
  private static final Set<String> METHODS =
      Set.of(
          "INVITE",
          "ACK",
          "BYE",
          "CANCEL",
          "OPTIONS",
          "UPDATE",
          "INFO",
          "PRACK",
          "REGISTER",
          "SUBSCRIBE",
          "NOTIFY",
          "MESSAGE",
          "REFER",
          "PUBLISH");

  private final MeterRegistry registry;

  public SipMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void request(String method, String transport) {
    Counter.builder("vittne.sip.requests")
        .description("SIP requests received")
        .tag("method", method(method))
        .tag("transport", transport.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  public void response(String method, int status) {
    Counter.builder("vittne.sip.responses")
        .description("SIP responses sent")
        .tag("method", method(method))
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  public void refusal(String reason) {
    Counter.builder("vittne.sip.refusals")
        .description("SIP requests refused, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  public void malformed() {
    Counter.builder("vittne.sip.malformed")
        .description("SIP messages that could not be parsed")
        .register(registry)
        .increment();
  }

  public void sessionStarted() {
    Counter.builder("vittne.sip.sessions.started").register(registry).increment();
  }

  public void sessionEnded(EndReason reason) {
    Counter.builder("vittne.sip.sessions.ended")
        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  public void sessionRefreshed() {
    Counter.builder("vittne.sip.sessions.refreshed").register(registry).increment();
  }

  public void activeSessions(Supplier<Number> active) {
    Gauge.builder("vittne.sip.sessions.active", active).register(registry);
  }

  private static String method(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return METHODS.contains(upper) ? upper : "OTHER";
  }
}
