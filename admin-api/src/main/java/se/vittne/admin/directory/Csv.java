package se.vittne.admin.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it, and as spreadsheets in Sweden write it: the delimiter is a
 * comma, a semicolon or a tab, whichever the header line uses; fields may be quoted, with doubled
 * quotes inside and line breaks within; lines end in CRLF or LF; a byte-order mark is skipped.
 * Every record knows the line it starts on, so errors can name it.
 */
final class Csv {
  /**
   * One record.
   *
   * @param line the line it starts on, counting from 1
   * @param fields its fields, unquoted
   */
  record Record(int line, List<String> fields) {
    Record {
      fields = List.copyOf(fields);
    }

    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /** The text is not CSV; says on which line. */
  static final class CsvException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    CsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private Csv() {}

  static List<Record> parse(String text, int maxRecords) throws CsvException {
    String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
    char delimiter = delimiter(input);
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (!field.isEmpty() || wasQuoted) {
          throw new CsvException(line, "a quote inside an unquoted field");
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        records.add(new Record(recordLine, fields));
        if (records.size() > maxRecords) {
          throw new CsvException(line, "more than " + maxRecords + " lines");
        }
        fields = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        line++;
        recordLine = line;
      } else {
        if (wasQuoted) {
          throw new CsvException(line, "text after a closing quote");
        }
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new CsvException(recordLine, "a quoted field is not closed");
    }
    if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
      fields.add(field.toString());
      records.add(new Record(recordLine, fields));
    }
    return records;
  }

  /** The delimiter of the first line: the most frequent of ; tab and , outside quotes. */
  private static char delimiter(String input) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }
}
