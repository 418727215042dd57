package se.vittne.policy.number;

import java.util.Map;

/**
 * How numbers are dialled in the tenant's country: its country calling code, the prefix for
 * international calls and the trunk prefix of national numbers (ITU-T E.164 and the national
 * numbering plans). Sweden: code 46, international prefix 00, trunk prefix 0.
 *
 * @param countryCode the country calling code, e.g. "46"
 * @param internationalPrefix the prefix that precedes a country code when dialling abroad
 * @param trunkPrefix the prefix of national numbers, empty where the plan has none (Norway,
 *     Denmark, Italy, ...)
 */
public record NumberingPlan(String countryCode, String internationalPrefix, String trunkPrefix) {
  public static final NumberingPlan SWEDEN = new NumberingPlan("46", "00", "0");

  // Plans that differ from the common "00" + "0". Italy keeps its leading zero after +39,
  // so it has no trunk prefix to strip.
  private static final Map<String, NumberingPlan> EXCEPTIONS =
      Map.ofEntries(
          Map.entry("1", new NumberingPlan("1", "011", "1")),
          Map.entry("7", new NumberingPlan("7", "810", "8")),
          Map.entry("39", new NumberingPlan("39", "00", "")),
          Map.entry("45", new NumberingPlan("45", "00", "")),
          Map.entry("47", new NumberingPlan("47", "00", "")),
          Map.entry("298", new NumberingPlan("298", "00", "")),
          Map.entry("299", new NumberingPlan("299", "00", "")),
          Map.entry("352", new NumberingPlan("352", "00", "")),
          Map.entry("354", new NumberingPlan("354", "00", "")),
          Map.entry("30", new NumberingPlan("30", "00", "")),
          Map.entry("351", new NumberingPlan("351", "00", "")),
          Map.entry("61", new NumberingPlan("61", "0011", "0")),
          Map.entry("81", new NumberingPlan("81", "010", "0")),
          Map.entry("55", new NumberingPlan("55", "0021", "0")));

  public NumberingPlan {
    if (!digits(countryCode) || countryCode.length() > 3 || countryCode.charAt(0) == '0') {
      throw new IllegalArgumentException("country code must be 1-3 digits: " + countryCode);
    }
    if (!digits(internationalPrefix)) {
      throw new IllegalArgumentException("international prefix must be digits");
    }
    if (!trunkPrefix.isEmpty() && !digits(trunkPrefix)) {
      throw new IllegalArgumentException("trunk prefix must be digits or empty");
    }
  }

  /** The plan of a country, by its calling code ("46" or "+46"). */
  public static NumberingPlan forCountryCode(String code) {
    String digits = code.startsWith("+") ? code.substring(1) : code;
    NumberingPlan exception = EXCEPTIONS.get(digits);
    return exception != null ? exception : new NumberingPlan(digits, "00", "0");
  }

  private static boolean digits(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
