package se.vittne.capture.loadgen;

import java.util.Objects;

/**
 * Makes a distinct phone number per call: each run of {@code #} in the pattern is replaced by the
 * call's index, zero-padded to the run's length (and wrapped when it does not fit). {@code
 * +46701######} gives {@code +46701000000}, {@code +46701000001}, ... A pattern that contains
 * {@code @} is a whole address; otherwise the number goes in a SIP URI at the given domain.
 *
 * @param pattern the pattern, e.g. {@code +46701######} or {@code agent-###@pbx.example}
 */
public record NumberPattern(String pattern) {
  public NumberPattern {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("a number pattern may not be empty");
    }
  }

  /** The number (or user part) of call {@code index}. */
  public String number(long index) {
    StringBuilder out = new StringBuilder(pattern.length());
    int i = 0;
    while (i < pattern.length()) {
      if (pattern.charAt(i) != '#') {
        out.append(pattern.charAt(i++));
        continue;
      }
      int run = 0;
      while (i + run < pattern.length() && pattern.charAt(i + run) == '#') {
        run++;
      }
      long modulus = run >= 18 ? Long.MAX_VALUE : (long) Math.pow(10, run);
      String digits = Long.toString(index % modulus);
      out.append("0".repeat(run - digits.length())).append(digits);
      i += run;
    }
    return out.toString();
  }

  /** The address of record of call {@code index}: a SIP URI (RFC 3261 section 19.1). */
  public String aor(long index, String domain) {
    String number = number(index);
    if (number.startsWith("sip:") || number.startsWith("sips:") || number.startsWith("tel:")) {
      return number;
    }
    return number.contains("@") ? "sip:" + number : "sip:" + number + "@" + domain;
  }
}
