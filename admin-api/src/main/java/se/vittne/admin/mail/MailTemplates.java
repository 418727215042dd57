package se.vittne.admin.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of Vittne's e-mails in Swedish and English ({@code messages.properties} is English,
 * {@code messages_sv.properties} Swedish), rendered with {@link MessageFormat}. A template is a
 * pair of keys, {@code <name>.subject} and {@code <name>.body}; to add one, add both keys to both
 * files ({@code MailTemplatesTest} checks that every key exists in every language).
 */
public final class MailTemplates {
  static final String BUNDLE = "se.vittne.admin.mail.messages";

  /** The templates of logging in. */
  public static final String WELCOME = "welcome";

  public static final String TEMPORARY_PASSWORD = "temporaryPassword";
  public static final String PASSWORD_CHANGED = "passwordChanged";
  public static final String PASSWORD_RESET = "passwordReset";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private MailTemplates() {}

  /**
   * A message from a template.
   *
   * @param template the template's name
   * @param language "sv" for Swedish; anything else gives English
   * @param to the recipient
   * @param args the values of the template's {0}, {1}, ... (texts)
   */
  public static Mail render(String template, String language, String to, Object... args) {
    Locale locale = locale(language);
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    try {
      String subject =
          new MessageFormat(bundle.getString(template + ".subject"), locale).format(args);
      String body = new MessageFormat(bundle.getString(template + ".body"), locale).format(args);
      return new Mail(to, subject, body);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no mail template " + template, e);
    }
  }

  static Locale locale(String language) {
    return "sv".equals(language) ? Locale.of("sv") : Locale.ROOT;
  }
}
