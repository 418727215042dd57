package se.vittne.capture.loadgen.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small pieces of the RFC 3261 section 25 grammar that the client reads from header values. */
final class SipSyntax {
  private SipSyntax() {}

  /** Splits a comma-separated header list, ignoring commas in quotes and angle brackets. */
  static List<String> splitList(String value) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        depth++;
      } else if (!quoted && c == '>') {
        depth = Math.max(0, depth - 1);
      } else if (!quoted && depth == 0 && c == ',') {
        addTrimmed(parts, value.substring(start, i));
        start = i + 1;
      }
    }
    addTrimmed(parts, value.substring(start));
    return parts;
  }

  private static void addTrimmed(List<String> parts, String part) {
    String trimmed = part.trim();
    if (!trimmed.isEmpty()) {
      parts.add(trimmed);
    }
  }

  /**
   * A header parameter (after the URI's closing angle bracket, if any), e.g. {@code tag} of a To
   * header or {@code branch} of a Via. Names are case-insensitive (section 7.3.1).
   */
  static Optional<String> parameter(String headerValue, String name) {
    int close = headerValue.lastIndexOf('>');
    String params = close < 0 ? headerValue : headerValue.substring(close + 1);
    for (String param : params.split(";")) {
      String trimmed = param.trim();
      int equals = trimmed.indexOf('=');
      String key = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
      if (key.equalsIgnoreCase(name) && equals > 0) {
        return Optional.of(trimmed.substring(equals + 1).trim());
      }
    }
    return Optional.empty();
  }

  /** The URI of a name-addr ({@code "x" <uri>;p}) or addr-spec ({@code uri;p}) value. */
  static String uri(String headerValue) {
    int open = headerValue.indexOf('<');
    int close = headerValue.indexOf('>', open + 1);
    if (open >= 0 && close > open) {
      return headerValue.substring(open + 1, close).trim();
    }
    int semicolon = headerValue.indexOf(';');
    return (semicolon < 0 ? headerValue : headerValue.substring(0, semicolon)).trim();
  }
}
