package se.vittne.policy;

import java.util.Locale;
import java.util.Objects;

/** Why a call was or was not recorded, in the languages of the web app. */
public record Explanation(String swedish, String english) {
  public Explanation {
    Objects.requireNonNull(swedish, "swedish");
    Objects.requireNonNull(english, "english");
  }

  /** The text in the given language: Swedish for {@code sv}, English otherwise. */
  public String in(Locale locale) {
    return "sv".equals(locale.getLanguage()) ? swedish : english;
  }
}
