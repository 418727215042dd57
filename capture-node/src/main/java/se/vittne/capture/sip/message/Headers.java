package se.vittne.capture.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message's headers in order, names compared case-insensitively. Values are as received; a header
 * that carries a comma-separated list may appear once or many times.
 */
public final class Headers {
  private final List<HeaderField> fields;

  public Headers(List<HeaderField> fields) {
    this.fields = List.copyOf(fields);
  }

  public List<HeaderField> fields() {
    return fields;
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    for (HeaderField field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        return Optional.of(field.value());
      }
    }
    return Optional.empty();
  }

  /** All values of a header, in order. */
  public List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (HeaderField field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        out.add(field.value());
      }
    }
    return out;
  }

  /**
   * The comma-separated tokens of a list header across all its occurrences, lower-cased, e.g. the
   * option tags of Require.
   */
  public List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    for (String value : all(name)) {
      for (String token : value.split(",")) {
        String trimmed = token.strip().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty()) {
          out.add(trimmed);
        }
      }
    }
    return out;
  }
}
