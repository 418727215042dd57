package se.vittne.admin.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The web app's words in one language: {@code messages_sv.properties} and {@code
 * messages.properties} (English) beside this class. A missing key is a bug that the {@code
 * TextTest} catches; at run time it shows as the key in brackets rather than failing the page.
 */
public final class Text {
  /** The languages the web app speaks, the first being the default. */
  public static final List<String> LANGUAGES = List.of("sv", "en");

  private static final String BUNDLE = "se.vittne.admin.web.messages";
  private static final Text SWEDISH = load("sv");
  private static final Text ENGLISH = load("en");

  private final String language;
  private final Locale locale;
  private final ResourceBundle bundle;

  private Text(String language, ResourceBundle bundle) {
    this.language = language;
    this.locale = Locale.of(language);
    this.bundle = bundle;
  }

  private static Text load(String language) {
    Locale locale = "en".equals(language) ? Locale.ROOT : Locale.of(language);
    return new Text(
        language,
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** The words of {@code language}: "sv" or "en" (anything else is English). */
  public static Text of(String language) {
    return "sv".equals(language) ? SWEDISH : ENGLISH;
  }

  /** Whether {@code language} is one the web app speaks. */
  public static boolean supported(String language) {
    return LANGUAGES.contains(language);
  }

  public String language() {
    return language;
  }

  public Locale locale() {
    return locale;
  }

  /** The text of {@code key}. */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
  }

  /** The text of {@code key} with its {0}, {1}... filled in. */
  public String get(String key, Object... args) {
    return new MessageFormat(get(key), locale).format(args);
  }

  /** The text of an enum constant: {@code prefix.CONSTANT}. */
  public String of(String prefix, Enum<?> constant) {
    return get(prefix + "." + constant.name());
  }
}
