package se.vittne.capture.sip.stack;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import se.vittne.capture.sip.message.HeaderField;

/**
 * Adds header text to a JAIN-SIP message. The header factory refuses a comma-separated list for
 * list headers (Allow, Supported, Require, Warning ...), so such values are split at top-level
 * commas (not inside quotes or angle brackets) and added one by one.
 */
final class HeaderValues {
  private HeaderValues() {}

  static void add(Message message, HeaderFactory factory, HeaderField field) throws ParseException {
    try {
      message.addHeader(factory.createHeader(field.name(), field.value()));
    } catch (ParseException e) {
      List<String> items = split(field.value());
      if (items.size() < 2) {
        throw e;
      }
      for (String item : items) {
        message.addHeader(factory.createHeader(field.name(), item));
      }
    }
  }

  static List<String> split(String value) {
    List<String> items = new ArrayList<>();
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
        items.add(value.substring(start, i).strip());
        start = i + 1;
      }
    }
    items.add(value.substring(start).strip());
    items.removeIf(String::isEmpty);
    return items;
  }
}
