package se.vittne.capture.sip.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.vittne.capture.sip.SipIdentities;
import se.vittne.capture.sip.VittneHeaders;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.Headers;
import se.vittne.capture.sip.message.InboundRequest;

/** Reads an INVITE's identity headers and tells SIPREC INVITEs apart. */
final class Identities {
  private static final int MAX_FACT_HEADERS = 16;

  private Identities() {}

  static SipIdentities of(InboundRequest request) {
    Headers headers = request.headers();
    Map<String, String> facts = new LinkedHashMap<>();
    for (HeaderField field : headers.fields()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      boolean ours = name.startsWith("x-vittne-");
      boolean vendor = name.equals(VittneHeaders.VENDOR_CALL_DIRECTION.toLowerCase(Locale.ROOT));
      if ((ours || vendor) && facts.size() < MAX_FACT_HEADERS) {
        facts.putIfAbsent(name, field.value());
      }
    }
    return new SipIdentities(
        request.requestUri(),
        headers.first("From").orElse(""),
        headers.first("To").orElse(""),
        list(headers, "P-Asserted-Identity"),
        list(headers, "Diversion"),
        list(headers, "History-Info"),
        facts,
        headers.first("User-Agent"));
  }

  /** The entries of a name-addr list header, across its occurrences, split at top-level commas. */
  static List<String> list(Headers headers, String name) {
    List<String> out = new ArrayList<>();
    for (String value : headers.all(name)) {
      boolean quoted = false;
      int angle = 0;
      int start = 0;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
          quoted = !quoted;
        } else if (!quoted && c == '<') {
          angle++;
        } else if (!quoted && c == '>' && angle > 0) {
          angle--;
        } else if (!quoted && angle == 0 && c == ',') {
          add(out, value.substring(start, i));
          start = i + 1;
        }
      }
      add(out, value.substring(start));
    }
    return out;
  }

  private static void add(List<String> out, String entry) {
    if (!entry.isBlank() && out.size() < 32) {
      out.add(entry.strip());
    }
  }

  /**
   * Whether the INVITE says it is SIPREC (RFC 7866 section 6.1.1): the {@code siprec} option tag in
   * Require or Supported, or the {@code +sip.src} feature tag on the Contact, where some SRCs put
   * it inside the URI.
   */
  static boolean siprecSignalled(Headers headers) {
    if (headers.tokens("Require").contains("siprec")
        || headers.tokens("Supported").contains("siprec")) {
      return true;
    }
    return headers.all("Contact").stream()
        .anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("+sip.src"));
  }
}
