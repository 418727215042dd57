package se.vittne.capture.loadgen.sip;

import java.util.Locale;
import java.util.Optional;

/** Finds the SDP in a message body, which may be plain or a multipart/mixed (RFC 2046 5.1.1). */
public final class MessageBodies {
  private MessageBodies() {}

  /** The SDP text of the message, if it carries any. */
  public static Optional<String> sdp(SipMessage message) {
    String type = message.header("Content-Type").orElse("").trim();
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("application/sdp")) {
      return Optional.of(message.bodyText());
    }
    if (!lower.startsWith("multipart/")) {
      return Optional.empty();
    }
    return SipSyntax.parameter(type, "boundary")
        .map(boundary -> boundary.replace("\"", ""))
        .flatMap(boundary -> sdpPart(message.bodyText(), boundary));
  }

  private static Optional<String> sdpPart(String body, String boundary) {
    String delimiter = "--" + boundary;
    int start = body.indexOf(delimiter);
    while (start >= 0) {
      int partStart = body.indexOf('\n', start) + 1;
      int next = body.indexOf(delimiter, partStart);
      if (partStart <= 0 || next < 0) {
        return Optional.empty();
      }
      String part = body.substring(partStart, next);
      int blank = part.indexOf("\r\n\r\n");
      int skip = 4;
      if (blank < 0) {
        blank = part.indexOf("\n\n");
        skip = 2;
      }
      if (blank >= 0
          && part.substring(0, blank).toLowerCase(Locale.ROOT).contains("application/sdp")) {
        return Optional.of(part.substring(blank + skip));
      }
      start = next;
    }
    return Optional.empty();
  }
}
