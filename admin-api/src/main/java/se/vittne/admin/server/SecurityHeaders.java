package se.vittne.admin.server;

import io.javalin.http.Context;

/**
 * Headers every response carries. The content security policy allows scripts and styles from this
 * origin only (no inline scripts, so an injected one does not run), no framing, no plugins; the
 * referrer is never sent, because reset and share links carry secrets in their URLs. Answers are
 * not cached, except the versioned static assets under {@code /webjars/}.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(Context ctx, ClientInfo client) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!ctx.path().startsWith("/webjars/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (client.secure()) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
