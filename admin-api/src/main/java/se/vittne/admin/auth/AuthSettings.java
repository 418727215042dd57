package se.vittne.admin.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How logging in behaves.
 *
 * @param publicUrl where users reach the web app; links in e-mails point here
 * @param sessionIdleTimeout a session without "keep me logged in" ends this long after its last
 *     request
 * @param keepLoggedInFor a "keep me logged in" session ends this long after its last request
 * @param passwordMaxAge a password must be changed this long after it was set (R-22: 100 days)
 * @param passwordHistory how many previous passwords may not be reused (R-22: 10)
 * @param resetLinkValidity how long a forgot-password link works
 * @param minimumResponseTime logging in and asking for a reset link never answer sooner than this,
 *     whatever the outcome, so that response times reveal nothing
 * @param throttle the login and reset-request limits
 */
public record AuthSettings(
    URI publicUrl,
    Duration sessionIdleTimeout,
    Duration keepLoggedInFor,
    Duration passwordMaxAge,
    int passwordHistory,
    Duration resetLinkValidity,
    Duration minimumResponseTime,
    LoginThrottle.Limits throttle) {
  public AuthSettings {
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(keepLoggedInFor, "keepLoggedInFor");
    Objects.requireNonNull(passwordMaxAge, "passwordMaxAge");
    Objects.requireNonNull(resetLinkValidity, "resetLinkValidity");
    Objects.requireNonNull(minimumResponseTime, "minimumResponseTime");
    Objects.requireNonNull(throttle, "throttle");
    if (passwordHistory < 1) {
      throw new IllegalArgumentException("at least the current password is history");
    }
  }

  /** A link into the web app: {@code path} resolved against the public URL. */
  public String link(String path) {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
