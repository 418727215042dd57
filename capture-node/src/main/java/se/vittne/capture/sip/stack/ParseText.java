package se.vittne.capture.sip.stack;

/** Text helpers around the stack's parser: the request line's version, one-line messages. */
final class ParseText {
  private ParseText() {}

  /** Whether the first line ends in SIP/2.0 (the stack's parser does not keep the version). */
  static boolean version20(byte[] message) {
    int start = 0;
    while (start < message.length && (message[start] == '\r' || message[start] == '\n')) {
      start++;
    }
    int end = start;
    while (end < message.length && message[end] != '\r' && message[end] != '\n') {
      end++;
    }
    String line =
        new String(message, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1)
            .stripTrailing();
    return line.regionMatches(true, Math.max(0, line.length() - 7), "SIP/2.0", 0, 7);
  }

  static String oneLine(String message) {
    String text = message == null ? "unparseable message" : message;
    StringBuilder out = new StringBuilder(Math.min(text.length(), 120));
    for (int i = 0; i < text.length() && out.length() < 120; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return out.toString().strip().replaceAll(" +", " ");
  }
}
