package se.vittne.capture.loadgen.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the SIP messages the generator receives (RFC 3261 section 7): start line, header fields
 * with folding and compact names, and a body of Content-Length bytes. Bounded: headers beyond
 * {@link #MAX_HEADER_BYTES} or {@link #MAX_HEADERS} fields are refused.
 */
public final class SipParser {
  static final int MAX_HEADER_BYTES = 16 * 1024;
  static final int MAX_HEADERS = 128;

  /** Compact header names (section 7.3.3), expanded so lookups need one name. */
  private static final Map<String, String> COMPACT =
      Map.of(
          "i",
          "Call-ID",
          "m",
          "Contact",
          "e",
          "Content-Encoding",
          "l",
          "Content-Length",
          "c",
          "Content-Type",
          "f",
          "From",
          "s",
          "Subject",
          "k",
          "Supported",
          "t",
          "To",
          "v",
          "Via");

  private SipParser() {}

  /**
   * Parses one datagram (or one framed stream message). Over UDP a missing Content-Length means the
   * body runs to the end of the datagram (section 18.3).
   */
  public static SipMessage parse(byte[] data, int offset, int length) throws SipParseException {
    int headerEnd = headerEnd(data, offset, length);
    if (headerEnd < 0) {
      throw new SipParseException("no empty line after the header fields", length);
    }
    String head = new String(data, offset, headerEnd - offset, StandardCharsets.UTF_8);
    String[] lines = head.split("\r?\n");
    String startLine = lines[0].trim();
    if (!startLine.endsWith("SIP/2.0") && !startLine.startsWith("SIP/2.0 ")) {
      throw new SipParseException("not a SIP/2.0 start line: " + startLine, 0);
    }
    List<SipHeader> headers = parseHeaders(lines);
    int bodyStart = bodyStart(data, headerEnd);
    int available = offset + length - bodyStart;
    int contentLength = contentLength(headers, available, bodyStart - offset);
    if (contentLength > available) {
      throw new SipParseException(
          "Content-Length " + contentLength + " exceeds the " + available + " bytes received",
          length);
    }
    byte[] body = Arrays.copyOfRange(data, bodyStart, bodyStart + contentLength);
    return new SipMessage(startLine, headers, body);
  }

  /**
   * For a stream transport: the length of the first complete message in the bytes, or -1 when more
   * bytes are needed. Leading CRLFs (keep-alives, RFC 5626 section 3.5.1) count as a message of
   * their own so they can be skipped.
   */
  public static int frameLength(byte[] data, int offset, int length) throws SipParseException {
    if (length >= 2 && data[offset] == '\r' && data[offset + 1] == '\n') {
      return 2;
    }
    int headerEnd = headerEnd(data, offset, length);
    if (headerEnd < 0) {
      if (length > MAX_HEADER_BYTES) {
        throw new SipParseException("header section longer than " + MAX_HEADER_BYTES, length);
      }
      return -1;
    }
    String head = new String(data, offset, headerEnd - offset, StandardCharsets.UTF_8);
    List<SipHeader> headers = parseHeaders(head.split("\r?\n"));
    int bodyStart = bodyStart(data, headerEnd);
    int contentLength = contentLength(headers, -1, bodyStart - offset);
    int total = bodyStart - offset + contentLength;
    return total <= length ? total : -1;
  }

  private static List<SipHeader> parseHeaders(String[] lines) throws SipParseException {
    List<SipHeader> headers = new ArrayList<>();
    StringBuilder current = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (current == null) {
          throw new SipParseException("continuation line before any header", i);
        }
        current.append(' ').append(line.trim()); // folding, section 7.3.1
        continue;
      }
      if (current != null) {
        headers.add(header(current.toString(), i));
      }
      current = new StringBuilder(line);
    }
    if (current != null && !current.isEmpty()) {
      headers.add(header(current.toString(), lines.length));
    }
    if (headers.size() > MAX_HEADERS) {
      throw new SipParseException("more than " + MAX_HEADERS + " header fields", 0);
    }
    return headers;
  }

  private static SipHeader header(String line, int lineNumber) throws SipParseException {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new SipParseException("header line " + lineNumber + " has no name: " + line, 0);
    }
    String name = line.substring(0, colon).trim();
    String expanded = COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    return new SipHeader(expanded, line.substring(colon + 1).trim());
  }

  private static int contentLength(List<SipHeader> headers, int available, int at)
      throws SipParseException {
    for (SipHeader header : headers) {
      if (header.name().equalsIgnoreCase("Content-Length")) {
        try {
          int value = Integer.parseInt(header.value().trim());
          if (value < 0) {
            throw new SipParseException("negative Content-Length", at);
          }
          return value;
        } catch (NumberFormatException e) {
          throw new SipParseException("malformed Content-Length " + header.value(), at);
        }
      }
    }
    if (available < 0) {
      throw new SipParseException("a stream message needs a Content-Length", at);
    }
    return available;
  }

  /** The index of the LF ending the last header line (followed by an empty line), or -1. */
  private static int headerEnd(byte[] data, int offset, int length) {
    int end = offset + Math.min(length, MAX_HEADER_BYTES);
    for (int i = offset; i < end - 1; i++) {
      if (data[i] == '\n'
          && (data[i + 1] == '\n' || (data[i + 1] == '\r' && i + 2 < end && data[i + 2] == '\n'))) {
        return i;
      }
    }
    return -1;
  }

  private static int bodyStart(byte[] data, int headerEnd) {
    int i = headerEnd;
    // skip the end of the last header line and the empty line: CRLFCRLF, LFLF or LFCRLF
    int newlines = 0;
    while (newlines < 2 && i < data.length) {
      if (data[i] == '\n') {
        newlines++;
      }
      i++;
    }
    return i;
  }
}
