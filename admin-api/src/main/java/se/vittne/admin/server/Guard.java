package se.vittne.admin.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import se.vittne.admin.access.Access;
import se.vittne.admin.access.Permission;
import se.vittne.admin.access.Principal;
import se.vittne.admin.access.Verdict;

/**
 * Admits a request to a guarded route, the same way for every route: authenticate, require the CSRF
 * token for a state-changing request made with a session cookie, then ask {@link Access}. Refusals
 * are 401 (nobody logged in) or 403 (logged in, not allowed), each with its own problem type so
 * that a client can tell a missing role from a pending password change.
 */
public final class Guard {
  /** The header a browser echoes the session's CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  /** The form field an HTML form echoes the session's CSRF token in. */
  public static final String CSRF_FIELD = "_csrf";

  private final Authenticator authenticator;

  public Guard(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  public Principal admit(Context ctx, Permission permission) {
    Optional<Principal> principal = authenticator.authenticate(ctx);
    if (principal.isEmpty()) {
      throw new ProblemException.Unauthenticated(
          "Log in first, or send an API token as 'Authorization: Bearer <token>'.");
    }
    Principal p = principal.get();
    if (p.viaSession() && changesState(ctx.method())) {
      requireCsrfToken(ctx, p.csrfToken().orElseThrow());
    }
    Verdict verdict = Access.check(p, permission);
    return switch (verdict) {
      case ALLOWED -> p;
      case UNAUTHENTICATED -> throw new IllegalStateException("a principal is authenticated");
      case ROLE_NOT_ALLOWED ->
          throw new ProblemException.Forbidden("Your role does not allow this.");
      case FLAG_MISSING ->
          throw new ProblemException.Forbidden(
              "permission-flag-missing",
              "Permission flag missing",
              "Your login may not " + flagWords(permission) + ".");
      case SCOPE_MISSING ->
          throw new ProblemException.Forbidden(
              "scope-missing",
              "Token scope missing",
              "This API token lacks the scope '" + permission.scope().orElse("") + "'.");
      case SESSION_REQUIRED ->
          throw new ProblemException.Forbidden(
              "session-required",
              "Session required",
              "This can only be done when logged in with a browser, not with an API token.");
      case PASSWORD_CHANGE_REQUIRED ->
          throw new ProblemException.Forbidden(
              "password-change-required",
              "Password change required",
              "Choose a new password first.");
      case LICENCE_ACCEPTANCE_REQUIRED ->
          throw new ProblemException.Forbidden(
              "licence-acceptance-required",
              "Licence acceptance required",
              "Accept the licence agreement first.");
    };
  }

  private static String flagWords(Permission permission) {
    return switch (permission.flag()) {
      case LISTEN -> "listen to recordings";
      case DOWNLOAD -> "download recordings";
      case EMAIL -> "e-mail recordings";
      case NONE -> "do this";
    };
  }

  static boolean changesState(HandlerType method) {
    return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
  }

  private static void requireCsrfToken(Context ctx, String expected) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    if (sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw new ProblemException.Forbidden(
          "csrf-token-invalid",
          "CSRF token missing or wrong",
          "Send the session's CSRF token in the " + CSRF_HEADER + " header.");
    }
  }
}
