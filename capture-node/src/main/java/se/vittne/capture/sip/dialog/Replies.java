package se.vittne.capture.sip.dialog;

import se.vittne.capture.sip.message.Reply;

/** The capabilities the server announces and the shape of its error responses. */
final class Replies {
  static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO";
  static final String ACCEPT =
      "application/sdp, application/rs-metadata+xml, application/rs-metadata, multipart/mixed";
  static final String SUPPORTED = "siprec, timer";
  static final int MAX_TEXT = 160;

  private Replies() {}

  /**
   * An error response whose reason phrase and Warning (RFC 3261 section 20.43, code 399) say what
   * was wrong.
   */
  static Reply error(int status, String phrase, String detail) {
    String text = clean(detail);
    return Reply.of(status, clean(phrase + " (" + text + ")"))
        .withHeader("Warning", "399 vittne \"" + text.replace("\\", "").replace("\"", "'") + "\"");
  }

  static Refusal refusal(int status, String phrase, String detail, String metric) {
    return new Refusal(error(status, phrase, detail), metric);
  }

  /** Text safe for a reason phrase or quoted string: printable, one line, bounded. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT));
    for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return out.toString().strip();
  }
}
