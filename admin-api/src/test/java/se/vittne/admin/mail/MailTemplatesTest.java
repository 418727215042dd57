package se.vittne.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every template exists in Swedish and English and renders its values. */
class MailTemplatesTest {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Test
  void everyKeyIsInBothLanguages() {
    Set<String> english =
        ResourceBundle.getBundle(MailTemplates.BUNDLE, Locale.ROOT, NO_FALLBACK).keySet();
    Set<String> swedish =
        ResourceBundle.getBundle(MailTemplates.BUNDLE, Locale.of("sv"), NO_FALLBACK).keySet();

    assertThat(swedish).containsExactlyInAnyOrderElementsOf(english);
    for (String key : english) {
      String name = key.substring(0, key.lastIndexOf('.'));
      assertThat(english).contains(name + ".subject", name + ".body");
    }
  }

  @Test
  void aTemplateRendersItsValuesInTheLanguageAsked() {
    Mail sv =
        MailTemplates.render(
            MailTemplates.PASSWORD_RESET, "sv", "a@b.se", "a@b.se", "60", "https://x/r?token=t");
    Mail en =
        MailTemplates.render(
            MailTemplates.PASSWORD_RESET, "en", "a@b.se", "a@b.se", "60", "https://x/r?token=t");
    Mail other =
        MailTemplates.render(
            MailTemplates.PASSWORD_RESET, "de", "a@b.se", "a@b.se", "60", "https://x/r?token=t");

    assertThat(sv.subject()).isEqualTo("Återställ ditt lösenord till Vittne");
    assertThat(sv.body()).contains("inom 60 minuter").contains("https://x/r?token=t");
    assertThat(en.subject()).isEqualTo("Reset your Vittne password");
    assertThat(other).as("English for any other language").isEqualTo(en);
    assertThat(sv.to()).isEqualTo("a@b.se");
  }
}
