package se.vittne.admin.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.vittne.admin.access.Principal;

/**
 * Which language a request is answered in: the logged-in login's own choice; else the one
 * chosen on a page before logging in (a cookie); else the browser's Accept-Language; else Swedish.
 */
public final class Languages {
  /** The cookie that keeps a language chosen before logging in. */
  public static final String COOKIE = "vittne_lang";

  private Languages() {}

  public static String of(Context ctx, Optional<Principal> principal) {
    if (principal.isPresent() && Text.supported(principal.get().language())) {
      return principal.get().language();
    }
    String chosen = ctx.cookie(COOKIE);
    if (chosen != null && Text.supported(chosen)) {
      return chosen;
    }
    return fromBrowser(ctx.header("Accept-Language"));
  }

  /** The best of Swedish and English for an Accept-Language header; Swedish when neither fits. */
  public static String fromBrowser(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Text.LANGUAGES.getFirst();
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      String best = Locale.lookupTag(ranges, Text.LANGUAGES);
      return best != null ? best : Text.LANGUAGES.getFirst();
    } catch (IllegalArgumentException e) {
      return Text.LANGUAGES.getFirst();
    }
  }

  /** Remembers a language chosen without a login, for a year. */
  public static void remember(Context ctx, String language) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            COOKIE + "=" + language + "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
  }
}
