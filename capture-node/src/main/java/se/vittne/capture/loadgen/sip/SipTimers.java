package se.vittne.capture.loadgen.sip;

import java.time.Duration;

/**
 * The client transaction timers of RFC 3261 section 17.1 (values from table 4).
 *
 * @param t1 the round-trip estimate, 500 ms by default
 * @param t2 the cap of non-INVITE retransmission intervals, 4 s by default
 */
public record SipTimers(Duration t1, Duration t2) {
  public static final SipTimers DEFAULT =
      new SipTimers(Duration.ofMillis(500), Duration.ofSeconds(4));

  public SipTimers {
    if (t1.isNegative() || t1.isZero() || t2.compareTo(t1) < 0) {
      throw new IllegalArgumentException("need 0 < T1 ≤ T2: " + t1 + ", " + t2);
    }
  }

  /**
   * Timer A: the wait before the INVITE's retransmission number {@code n + 1} over UDP, T1 × 2^n
   * (17.1.1.2). Retransmissions stop at a provisional response.
   */
  public Duration timerA(int n) {
    return t1.multipliedBy(1L << Math.min(n, 30));
  }

  /**
   * Timer E: the wait before a non-INVITE request's retransmission {@code n + 1}: T1 × 2^n capped
   * at T2, and T2 once a provisional response came (17.1.2.2).
   */
  public Duration timerE(int n, boolean provisionalReceived) {
    if (provisionalReceived) {
      return t2;
    }
    Duration doubled = t1.multipliedBy(1L << Math.min(n, 30));
    return doubled.compareTo(t2) > 0 ? t2 : doubled;
  }

  /** Timers B and F: a transaction without a final response times out after 64 × T1. */
  public Duration transactionTimeout() {
    return t1.multipliedBy(64);
  }
}
