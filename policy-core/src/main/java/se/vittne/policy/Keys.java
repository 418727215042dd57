package se.vittne.policy;

/** Validation shared by the directory keys: bounded, printable, never blank. */
final class Keys {
  static final int MAX_LENGTH = 200;

  private Keys() {}

  static String requireKey(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " key must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " key is longer than " + MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " key contains a control character");
      }
    }
    return value;
  }
}
