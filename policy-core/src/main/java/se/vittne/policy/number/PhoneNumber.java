package se.vittne.policy.number;

import java.util.Optional;

/**
 * A phone number in E.164 form: a plus sign and 7 to 15 digits, the first not zero (ITU-T E.164
 * section 6). Two numbers are equal when their E.164 forms are, however they were written.
 */
public record PhoneNumber(String e164) {
  static final int MIN_DIGITS = 7;
  static final int MAX_DIGITS = 15;

  public PhoneNumber {
    if (!isE164(e164)) {
      throw new InvalidPhoneNumberException(
          String.valueOf(e164), "not in E.164 form (+ and digits)");
    }
  }

  /**
   * Normalises a number as a PBX, an SBC or a person writes it.
   *
   * @param raw the number: E.164, with an international or trunk prefix, with visual separators, or
   *     as a {@code tel:} or {@code sip:} URI
   * @param plan the tenant's numbering plan, used for numbers written without a country code
   * @throws InvalidPhoneNumberException when the text is not a full phone number
   */
  public static PhoneNumber parse(String raw, NumberingPlan plan) {
    return new PhoneNumber(PhoneNumberParser.toE164(raw, plan));
  }

  /**
   * Like {@link #parse} but empty instead of throwing, for facts that may legitimately lack one.
   */
  public static Optional<PhoneNumber> tryParse(String raw, NumberingPlan plan) {
    try {
      return Optional.of(parse(raw, plan));
    } catch (InvalidPhoneNumberException e) {
      return Optional.empty();
    }
  }

  /** Parses a number that must already be in E.164 form. */
  public static PhoneNumber ofE164(String e164) {
    return new PhoneNumber(e164);
  }

  static boolean isE164(String text) {
    if (text == null || text.length() < MIN_DIGITS + 1 || text.length() > MAX_DIGITS + 1) {
      return false;
    }
    if (text.charAt(0) != '+' || text.charAt(1) == '0') {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return e164;
  }
}
