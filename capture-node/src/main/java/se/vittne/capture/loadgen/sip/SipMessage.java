package se.vittne.capture.loadgen.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A received SIP request or response (RFC 3261 section 7), with the header accessors the client
 * needs. The body is kept as bytes; it is never modified after construction.
 *
 * @param startLine the request line or status line
 * @param headers the header fields in order
 * @param body the message body, possibly empty
 */
public record SipMessage(String startLine, List<SipHeader> headers, byte[] body) {
  public SipMessage {
    Objects.requireNonNull(startLine, "startLine");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** Whether this is a response (its start line is a status line, section 7.2). */
  public boolean isResponse() {
    return startLine.startsWith("SIP/2.0 ");
  }

  /** The status code of a response, -1 for a request. */
  public int statusCode() {
    if (!isResponse() || startLine.length() < 11) {
      return -1;
    }
    return Integer.parseInt(startLine.substring(8, 11));
  }

  /** The reason phrase of a response. */
  public String reasonPhrase() {
    return isResponse() && startLine.length() > 12 ? startLine.substring(12) : "";
  }

  /** The method of a request, from its request line. */
  public String method() {
    int space = startLine.indexOf(' ');
    return isResponse() || space < 0 ? "" : startLine.substring(0, space);
  }

  /** The first value of a header, by name (case-insensitive, full form). */
  public Optional<String> header(String name) {
    for (SipHeader header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Every value of a header, with comma-separated lists split (section 7.3.1), in order. Needed for
   * Via and Record-Route, which may come as several lines or one list.
   */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    for (SipHeader header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        values.addAll(SipSyntax.splitList(header.value()));
      }
    }
    return values;
  }

  public String callId() {
    return header("Call-ID").orElse("");
  }

  /** The sequence number of the CSeq header, -1 if absent or malformed. */
  public long cseqNumber() {
    String cseq = header("CSeq").orElse("").trim();
    int space = cseq.indexOf(' ');
    try {
      return Long.parseLong(space < 0 ? cseq : cseq.substring(0, space));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The method of the CSeq header, upper case. */
  public String cseqMethod() {
    String cseq = header("CSeq").orElse("").trim();
    int space = cseq.lastIndexOf(' ');
    return space < 0 ? "" : cseq.substring(space + 1).toUpperCase(Locale.ROOT);
  }

  /** The branch parameter of the topmost Via, which names the transaction (section 17.1.3). */
  public String topViaBranch() {
    List<String> vias = headerValues("Via");
    return vias.isEmpty() ? "" : SipSyntax.parameter(vias.get(0), "branch").orElse("");
  }

  /** The tag parameter of the To header. */
  public Optional<String> toTag() {
    return header("To").flatMap(to -> SipSyntax.parameter(to, "tag"));
  }

  /** The body as text (UTF-8, as SDP and XML bodies are). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
