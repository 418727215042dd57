package se.vittne.policy.number;

import java.util.Locale;

/**
 * Turns the ways numbers are written into E.164: {@code tel:} URIs (RFC 3966, with a global {@code
 * phone-context}), the user part of {@code sip:}/{@code sips:} URIs (RFC 3261 section 19.1,
 * percent-escapes decoded), name-addr forms with a display name, international and trunk prefixes
 * of the tenant's {@link NumberingPlan}, and visual separators.
 */
final class PhoneNumberParser {
  static final int MAX_INPUT_LENGTH = 256;

  private PhoneNumberParser() {}

  static String toE164(String raw, NumberingPlan plan) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidPhoneNumberException(String.valueOf(raw), "empty");
    }
    if (raw.length() > MAX_INPUT_LENGTH) {
      throw new InvalidPhoneNumberException(raw, "longer than " + MAX_INPUT_LENGTH + " characters");
    }
    String number = numberPart(raw.strip(), raw);
    String digits = digitsOf(number, raw);
    String e164 = withCountryCode(digits, number.startsWith("+"), plan, raw);
    if (e164.length() - 1 < PhoneNumber.MIN_DIGITS) {
      throw new InvalidPhoneNumberException(raw, "too short for a full number");
    }
    if (e164.length() - 1 > PhoneNumber.MAX_DIGITS) {
      throw new InvalidPhoneNumberException(raw, "more than 15 digits");
    }
    if (e164.charAt(1) == '0') {
      throw new InvalidPhoneNumberException(raw, "country code cannot start with 0");
    }
    return e164;
  }

  /** The number written inside a URI or name-addr, or the text itself. */
  private static String numberPart(String text, String raw) {
    int open = text.indexOf('<');
    if (open >= 0) {
      int close = text.indexOf('>', open);
      if (close < 0) {
        throw new InvalidPhoneNumberException(raw, "unclosed '<'");
      }
      text = text.substring(open + 1, close).strip();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tel:")) {
      return telNumber(text.substring(4), raw);
    }
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      return sipUser(text.substring(lower.indexOf(':') + 1), raw);
    }
    return text;
  }

  private static String telNumber(String rest, String raw) {
    String[] parts = rest.split(";");
    String number = percentDecode(parts[0], raw);
    if (number.startsWith("+")) {
      return number;
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.toLowerCase(Locale.ROOT).startsWith("phone-context=")) {
        String context = param.substring("phone-context=".length());
        if (context.startsWith("+")) {
          return inContext(context, number);
        }
      }
    }
    return number;
  }

  /**
   * A local number in a global context (RFC 3966 section 5.1.5). A context that is just a country
   * code means a national number of that country, written with its trunk prefix or not.
   */
  private static String inContext(String context, String local) {
    String contextDigits = context.substring(1).replaceAll("[^0-9]", "");
    if (contextDigits.length() <= 3 && !contextDigits.isEmpty()) {
      String trunk = NumberingPlan.forCountryCode(contextDigits).trunkPrefix();
      String digits = local.replaceAll("[^0-9]", "");
      String national =
          !trunk.isEmpty() && digits.startsWith(trunk) ? digits.substring(trunk.length()) : digits;
      return "+" + contextDigits + national;
    }
    return context + local;
  }

  private static String sipUser(String rest, String raw) {
    int at = rest.indexOf('@');
    if (at < 0) {
      throw new InvalidPhoneNumberException(raw, "SIP URI without a user part");
    }
    String user = rest.substring(0, at);
    int params = user.indexOf(';');
    if (params >= 0) {
      user = user.substring(0, params);
    }
    return percentDecode(user, raw);
  }

  private static String percentDecode(String text, String raw) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder decoded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new InvalidPhoneNumberException(raw, "broken %-escape");
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new InvalidPhoneNumberException(raw, "broken %-escape");
        }
        int value = high * 16 + low;
        decoded.append((char) value);
        i += 2;
      } else {
        decoded.append(c);
      }
    }
    return decoded.toString();
  }

  /** The digits of a number, allowing a leading plus and visual separators only. */
  private static String digitsOf(String number, String raw) {
    StringBuilder digits = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        continue;
      } else if (!isSeparator(c)) {
        throw new InvalidPhoneNumberException(raw, "unexpected character '" + c + "'");
      }
    }
    if (digits.isEmpty()) {
      throw new InvalidPhoneNumberException(raw, "no digits");
    }
    return digits.toString();
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00a0';
  }

  private static String withCountryCode(
      String digits, boolean international, NumberingPlan plan, String raw) {
    if (international) {
      return "+" + digits;
    }
    if (digits.startsWith(plan.internationalPrefix())) {
      return "+" + digits.substring(plan.internationalPrefix().length());
    }
    if (!plan.trunkPrefix().isEmpty() && digits.startsWith(plan.trunkPrefix())) {
      return "+" + plan.countryCode() + digits.substring(plan.trunkPrefix().length());
    }
    if (plan.trunkPrefix().isEmpty()) {
      return "+" + plan.countryCode() + digits;
    }
    // Many SBCs send E.164 without the plus. Where national numbers carry a trunk prefix, digits
    // that start with the tenant's own country code cannot be national, so they are taken as
    // E.164 when long enough.
    if (digits.startsWith(plan.countryCode())
        && digits.length() >= plan.countryCode().length() + PhoneNumber.MIN_DIGITS - 1) {
      return "+" + digits;
    }
    throw new InvalidPhoneNumberException(
        raw, "no country code or trunk prefix (an extension or a short number?)");
  }
}
