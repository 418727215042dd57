package se.vittne.admin.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a request's fields and throws them together as one 422, so that a
 * client sees every error at once.
 */
public final class Checks {
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+$");

  private final List<FieldError> errors = new ArrayList<>();

  /** A text that must be given: stripped, at most {@code max} characters, no control characters. */
  public String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      add(field, "required", field + " is required.");
      return null;
    }
    return bounded(field, value.strip(), max);
  }

  /** A text that may be left out: empty when blank. */
  public Optional<String> optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(bounded(field, value.strip(), max));
  }

  /** An e-mail address that must be given. */
  public String email(String field, String value) {
    String email = required(field, value, 320);
    if (email != null && !EMAIL.matcher(email).matches()) {
      add(field, "not-an-email", field + " is not an e-mail address.");
      return null;
    }
    return email;
  }

  /** Whether the text looks like an e-mail address. */
  public static boolean isEmail(String value) {
    return value != null && value.length() <= 320 && EMAIL.matcher(value).matches();
  }

  public <T> T notNull(String field, T value) {
    if (value == null) {
      add(field, "required", field + " is required.");
    }
    return value;
  }

  public void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      add(field, "out-of-range", field + " must be from " + min + " to " + max + ".");
    }
  }

  private String bounded(String field, String value, int max) {
    if (value.length() > max) {
      add(field, "too-long", field + " must be at most " + max + " characters.");
      return null;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      add(field, "control-characters", field + " must not contain control characters.");
      return null;
    }
    return value;
  }

  public Checks add(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
    return this;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Throws the collected errors, if any, as one 422. */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw new ProblemException.Invalid(errors);
    }
  }
}
