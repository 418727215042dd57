package se.vittne.admin.auth;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import se.vittne.admin.server.ClientInfo;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (other sites' forms and scripts
 * do not send it; links from an e-mail do), Path=/. Under HTTPS, or behind a TLS proxy, it is
 * Secure and named with the {@code __Host-} prefix, which browsers only accept from a secure origin
 * for the whole host. A "keep me logged in" cookie outlives the browser (Max-Age); any other ends
 * with it.
 */
public final class SessionCookies {
  /** The cookie's name over plain HTTP (development and tests). */
  public static final String NAME = "vittne_session";

  /** The cookie's name under HTTPS. */
  public static final String SECURE_NAME = "__Host-" + NAME;

  private SessionCookies() {}

  /** The session token the request brings, if any. */
  public static Optional<String> read(Context ctx) {
    String secure = ctx.cookie(SECURE_NAME);
    if (secure != null && !secure.isBlank()) {
      return Optional.of(secure);
    }
    return Optional.ofNullable(ctx.cookie(NAME)).filter(v -> !v.isBlank());
  }

  public static void set(Context ctx, String token, Optional<Duration> maxAge) {
    boolean secure = ClientInfo.of(ctx).secure();
    StringBuilder cookie =
        new StringBuilder(secure ? SECURE_NAME : NAME)
            .append('=')
            .append(token)
            .append("; Path=/; HttpOnly; SameSite=Lax");
    maxAge.ifPresent(age -> cookie.append("; Max-Age=").append(age.toSeconds()));
    if (secure) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  /** Tells the browser to forget the cookie. */
  public static void clear(Context ctx) {
    boolean secure = ClientInfo.of(ctx).secure();
    String name = secure ? SECURE_NAME : NAME;
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (secure ? "; Secure" : ""));
  }
}
