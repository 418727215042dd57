package se.vittne.admin.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import se.vittne.admin.server.FieldError;

/**
 * The password rules of R-22: at least 8 characters, with a lower-case letter, an upper-case
 * letter, a digit and a special character. At most 128 characters, which bounds the hashing work
 * one request can cause. Temporary passwords are made to follow the same rules.
 */
public final class PasswordRules {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";
  private static final String SPECIAL = "-_.!?#%+=";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordRules() {}

  /** What is wrong with a new password, one error per broken rule; empty when it is fine. */
  public static List<FieldError> violations(String field, String password) {
    List<FieldError> errors = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError(field, "required", "A password is required."));
      return errors;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      errors.add(
          new FieldError(
              field, "too-short", "A password needs at least " + MIN_LENGTH + " characters."));
    }
    if (length > MAX_LENGTH) {
      errors.add(
          new FieldError(
              field, "too-long", "A password may have at most " + MAX_LENGTH + " characters."));
    }
    if (password.codePoints().noneMatch(Character::isLowerCase)) {
      errors.add(new FieldError(field, "no-lower-case", "A password needs a lower-case letter."));
    }
    if (password.codePoints().noneMatch(Character::isUpperCase)) {
      errors.add(new FieldError(field, "no-upper-case", "A password needs an upper-case letter."));
    }
    if (password.codePoints().noneMatch(Character::isDigit)) {
      errors.add(new FieldError(field, "no-digit", "A password needs a digit."));
    }
    if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
      errors.add(
          new FieldError(
              field,
              "no-special",
              "A password needs a special character (not a letter or digit)."));
    }
    if (password.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(
          new FieldError(
              field, "control-characters", "A password must not hold control characters."));
    }
    return errors;
  }

  /**
   * A random temporary password of 16 characters that follows the rules, avoiding characters that
   * are easily misread (0/O, 1/l/I).
   */
  public static String temporary() {
    String all = LOWER + UPPER + DIGITS + SPECIAL;
    char[] chars = new char[16];
    chars[0] = pick(LOWER);
    chars[1] = pick(UPPER);
    chars[2] = pick(DIGITS);
    chars[3] = pick(SPECIAL);
    for (int i = 4; i < chars.length; i++) {
      chars[i] = pick(all);
    }
    for (int i = chars.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char swap = chars[i];
      chars[i] = chars[j];
      chars[j] = swap;
    }
    return new String(chars);
  }

  private static char pick(String from) {
    return from.charAt(RANDOM.nextInt(from.length()));
  }
}
