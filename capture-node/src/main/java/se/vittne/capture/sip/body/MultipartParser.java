package se.vittne.capture.sip.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a {@code multipart/mixed} body into its parts (RFC 2046 section 5.1.1), tolerating what
 * SRCs actually send: the boundary parameter quoted or not and in any case, line breaks as CRLF or
 * bare LF, whitespace after a delimiter, a missing close delimiter, part headers without a space
 * after the colon or in any case, and parts without headers. When the boundary parameter is missing
 * altogether, the first delimiter line of the body names it.
 */
public final class MultipartParser {
  /** RFC 2046 allows 70 characters; some SRCs use a few more. */
  static final int MAX_BOUNDARY_LENGTH = 200;

  private MultipartParser() {}

  /**
   * Splits a body into parts.
   *
   * @param contentType the message's Content-Type value, e.g. {@code multipart/mixed;boundary=x}
   * @param body the message body
   * @param maxParts how many parts are accepted before the body is refused
   * @throws BodyException when no delimiter is found or there are too many parts
   */
  public static List<BodyPart> parse(String contentType, byte[] body, int maxParts)
      throws BodyException {
    String boundary = boundaryParameter(contentType).orElse(null);
    if (boundary == null) {
      boundary =
          sniffBoundary(body)
              .orElseThrow(
                  () -> new BodyException("multipart body without a boundary parameter", -1));
    }
    if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
      throw new BodyException("multipart boundary is empty or too long", -1);
    }
    return split(body, boundary.getBytes(StandardCharsets.ISO_8859_1), maxParts);
  }

  /** The boundary parameter of a Content-Type value, unquoted. */
  static Optional<String> boundaryParameter(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String[] params = contentType.split(";");
    for (int i = 1; i < params.length; i++) {
      String param = params[i].strip();
      int eq = param.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (name.equals("boundary")) {
        String value = param.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The boundary named by the first non-blank line of the body, when it is a delimiter line. */
  static Optional<String> sniffBoundary(byte[] body) {
    Line line = Line.first(body);
    while (line != null && line.isBlank(body)) {
      line = line.next(body);
    }
    if (line == null) {
      return Optional.empty();
    }
    String text = line.text(body).stripTrailing();
    if (text.startsWith("--") && text.length() > 2 && !text.contains(" ")) {
      String name = text.substring(2);
      return Optional.of(name.endsWith("--") ? name.substring(0, name.length() - 2) : name);
    }
    return Optional.empty();
  }

  private static List<BodyPart> split(byte[] body, byte[] boundary, int maxParts)
      throws BodyException {
    List<BodyPart> parts = new ArrayList<>();
    int contentStart = -1;
    boolean closed = false;
    for (Line line = Line.first(body); line != null; line = line.next(body)) {
      Delimiter kind = line.delimiter(body, boundary);
      if (kind == Delimiter.NONE) {
        continue;
      }
      if (contentStart >= 0) {
        int contentEnd = Math.max(contentStart, line.start - line.precedingBreak(body));
        if (parts.size() == maxParts) {
          throw new BodyException("more than " + maxParts + " body parts", line.start);
        }
        parts.add(part(body, contentStart, contentEnd));
      }
      if (kind == Delimiter.CLOSE) {
        closed = true;
        break;
      }
      contentStart = line.nextStart;
    }
    if (contentStart < 0) {
      throw new BodyException("multipart boundary not found in the body", -1);
    }
    if (!closed && contentStart < body.length) {
      if (parts.size() == maxParts) {
        throw new BodyException("more than " + maxParts + " body parts", contentStart);
      }
      parts.add(part(body, contentStart, trimTrailingBreaks(body, contentStart, body.length)));
    }
    return List.copyOf(parts);
  }

  private static int trimTrailingBreaks(byte[] body, int start, int end) {
    while (end > start && (body[end - 1] == '\n' || body[end - 1] == '\r')) {
      end--;
    }
    return end;
  }

  private static BodyPart part(byte[] body, int start, int end) {
    Map<String, String> headers = new LinkedHashMap<>();
    Line line = Line.at(body, start, end);
    if (line != null && !line.isBlank(body) && !looksLikeHeader(line.text(body))) {
      return new BodyPart(headers, slice(body, start, end), start);
    }
    String lastName = null;
    int contentStart = end;
    for (; line != null; line = line.nextWithin(body, end)) {
      if (line.isBlank(body)) {
        contentStart = Math.min(line.nextStart, end);
        break;
      }
      String text = line.text(body);
      if ((text.startsWith(" ") || text.startsWith("\t")) && lastName != null) {
        headers.merge(lastName, " " + text.strip(), String::concat);
        continue;
      }
      if (!looksLikeHeader(text)) {
        contentStart = line.start;
        break;
      }
      int colon = text.indexOf(':');
      lastName = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      headers.putIfAbsent(lastName, text.substring(colon + 1).strip());
    }
    return new BodyPart(headers, slice(body, contentStart, end), contentStart);
  }

  static boolean looksLikeHeader(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-_.!%*+`'~".indexOf(c) >= 0
              || (c == ' ' && i > 0);
      if (!token) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] body, int start, int end) {
    byte[] out = new byte[Math.max(0, end - start)];
    System.arraycopy(body, start, out, 0, out.length);
    return out;
  }

  private enum Delimiter {
    NONE,
    OPEN,
    CLOSE
  }

  /** A line of the body: [start, end) without its terminator; nextStart after it. */
  private record Line(int start, int end, int nextStart) {
    static Line first(byte[] body) {
      return at(body, 0, body.length);
    }

    static Line at(byte[] body, int start, int limit) {
      if (start >= limit) {
        return null;
      }
      int i = start;
      while (i < limit && body[i] != '\n') {
        i++;
      }
      int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
      return new Line(start, end, Math.min(i + 1, limit));
    }

    Line next(byte[] body) {
      return nextStart >= body.length || nextStart == start
          ? null
          : at(body, nextStart, body.length);
    }

    Line nextWithin(byte[] body, int limit) {
      return nextStart >= limit || nextStart == start ? null : at(body, nextStart, limit);
    }

    boolean isBlank(byte[] body) {
      for (int i = start; i < end; i++) {
        if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
          return false;
        }
      }
      return true;
    }

    String text(byte[] body) {
      return new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** 2 for CRLF, 1 for LF, 0 at the start of the body: the break that belongs to a delimiter. */
    int precedingBreak(byte[] body) {
      if (start >= 2 && body[start - 1] == '\n' && body[start - 2] == '\r') {
        return 2;
      }
      return start >= 1 && body[start - 1] == '\n' ? 1 : 0;
    }

    Delimiter delimiter(byte[] body, byte[] boundary) {
      int length = end - start;
      if (length < boundary.length + 2 || body[start] != '-' || body[start + 1] != '-') {
        return Delimiter.NONE;
      }
      for (int i = 0; i < boundary.length; i++) {
        if (body[start + 2 + i] != boundary[i]) {
          return Delimiter.NONE;
        }
      }
      int rest = start + 2 + boundary.length;
      boolean close = false;
      if (rest + 1 < end && body[rest] == '-' && body[rest + 1] == '-') {
        close = true;
        rest += 2;
      }
      for (int i = rest; i < end; i++) {
        if (body[i] != ' ' && body[i] != '\t') {
          return Delimiter.NONE;
        }
      }
      return close ? Delimiter.CLOSE : Delimiter.OPEN;
    }
  }
}
