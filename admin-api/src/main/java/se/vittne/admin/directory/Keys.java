package se.vittne.admin.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Stable keys for departments and answer groups, made from their names. */
final class Keys {
  private Keys() {}

  /**
   * A key from a name ("Försäljning Syd" gives "forsaljning-syd"), with a number added while {@code
   * taken} says it is in use.
   */
  static String from(String name, Predicate<String> taken) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    String base = ascii.isEmpty() ? "item" : ascii.length() > 180 ? ascii.substring(0, 180) : ascii;
    String key = base;
    for (int n = 2; taken.test(key); n++) {
      key = base + "-" + n;
    }
    return key;
  }
}
