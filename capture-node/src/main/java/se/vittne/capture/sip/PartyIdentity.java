package se.vittne.capture.sip;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import se.vittne.policy.number.NumberingPlan;
import se.vittne.policy.number.PhoneNumber;

/**
 * A party as signalling names it, kept raw and split into what the directory needs: a SIP or tel
 * URI, a name-addr with display name, a bare {@code user@host} or bare digits. Nothing is guessed:
 * the number is present only when the user part is a full phone number by the trunk's numbering
 * plan; short extensions stay in {@link #user()} for the directory to look up.
 *
 * @param raw the identity as received
 * @param displayName the display name, if any
 * @param user the user part (for tel URIs the number), percent-decoded, without user parameters
 * @param host the host part, without port
 * @param number the E.164 number, when the user part is one
 */
public record PartyIdentity(
    String raw,
    Optional<String> displayName,
    Optional<String> user,
    Optional<String> host,
    Optional<PhoneNumber> number) {
  static final int MAX_LENGTH = 512;

  public PartyIdentity {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(number, "number");
  }

  /** Reads an identity; never throws, an unreadable text leaves the parts empty. */
  public static PartyIdentity parse(String raw, NumberingPlan plan) {
    String text = raw.strip();
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    Optional<String> display = Optional.empty();
    String uri = text;
    int open = text.indexOf('<');
    int close = open >= 0 ? text.indexOf('>', open) : -1;
    if (open >= 0 && close > open) {
      String name = text.substring(0, open).strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).replace("\\\"", "\"");
      }
      display = name.isBlank() ? Optional.empty() : Optional.of(name.strip());
      uri = text.substring(open + 1, close).strip();
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    String scheme = "";
    String rest = uri;
    for (String candidate : new String[] {"sips:", "sip:", "tel:"}) {
      if (lower.startsWith(candidate)) {
        scheme = candidate;
        rest = uri.substring(candidate.length());
        break;
      }
    }
    Optional<String> user;
    Optional<String> host;
    if (scheme.equals("tel:")) {
      user = nonBlank(decode(cut(rest, ';')));
      host = Optional.empty();
    } else {
      int at = rest.lastIndexOf('@');
      String userPart = at >= 0 ? rest.substring(0, at) : (scheme.isEmpty() ? rest : "");
      String hostPart = at >= 0 ? rest.substring(at + 1) : (scheme.isEmpty() ? "" : rest);
      user = nonBlank(decode(cut(userPart, ';')));
      host = nonBlank(hostOnly(cut(cut(hostPart, ';'), '?')));
    }
    String forNumber = scheme.isEmpty() ? (rest.contains("@") ? "sip:" + rest : rest) : uri;
    Optional<PhoneNumber> number =
        user.isPresent() ? PhoneNumber.tryParse(forNumber, plan) : Optional.empty();
    return new PartyIdentity(raw.strip(), display, user, host, number);
  }

  private static String cut(String text, char at) {
    int i = text.indexOf(at);
    return i >= 0 ? text.substring(0, i) : text;
  }

  private static String hostOnly(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end > 0 ? hostPort.substring(0, end + 1) : hostPort;
    }
    int colon = hostPort.indexOf(':');
    return colon >= 0 ? hostPort.substring(0, colon) : hostPort;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static Optional<String> nonBlank(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }
}
