package se.vittne.admin.sharing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of shared recordings in Swedish or English ({@code words*.properties}). */
final class Words {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle bundle;
  private final String language;

  private Words(String language) {
    this.language = "sv".equals(language) ? "sv" : "en";
    this.bundle =
        ResourceBundle.getBundle(
            "se.vittne.admin.sharing.words",
            "sv".equals(this.language) ? Locale.of("sv") : Locale.ROOT,
            NO_FALLBACK);
  }

  static Words of(String language) {
    return new Words(language);
  }

  /** Swedish when the browser prefers it (its first language), else English. */
  static Words forBrowser(String acceptLanguage) {
    String first =
        acceptLanguage == null
            ? ""
            : acceptLanguage.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
    return of(first.startsWith("sv") ? "sv" : "en");
  }

  String language() {
    return language;
  }

  String get(String key, Object... args) {
    String text = bundle.getString(key);
    return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
  }
}
