package se.vittne.admin.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.vittne.admin.server.Checks;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.directory.UserRole;

/**
 * An import file read and checked on its own (before the directory is consulted): the header's
 * columns (English or Swedish headings, any order, others ignored), each row's fields, and rows
 * against each other (an extension or address twice). Errors name their lines; the header is line
 * 1.
 *
 * @param rows the rows that are valid on their own
 * @param dataRows how many non-blank rows the file has
 * @param errors what is wrong, per line
 */
record ImportFile(List<Row> rows, int dataRows, List<FieldError> errors) {
  private static final Map<String, String> HEADINGS = headings();

  ImportFile {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  /** One valid data row. */
  record Row(
      int line,
      String extension,
      String name,
      Optional<String> email,
      Optional<String> department,
      boolean recordingEnabled,
      UserRole role) {}

  /**
   * Reads a file.
   *
   * @throws ProblemException.Invalid when the text is not CSV at all
   */
  static ImportFile read(String text, int maxRows) {
    List<Csv.Record> records;
    try {
      records = Csv.parse(text, maxRows + 1);
    } catch (Csv.CsvException e) {
      throw invalid(List.of(new FieldError("file", "not-csv", e.getMessage(), e.line())), 0);
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> columns = columns(records, errors);
    List<Row> rows = new ArrayList<>();
    int dataRows = 0;
    for (Csv.Record record : records.subList(Math.min(1, records.size()), records.size())) {
      if (record.blank()) {
        continue;
      }
      dataRows++;
      if (columns != null) {
        row(record, columns, errors).ifPresent(rows::add);
      }
    }
    if (dataRows == 0 && errors.isEmpty()) {
      errors.add(new FieldError("file", "empty", "The file has no rows to import.", 1));
    }
    crossCheck(rows, errors);
    return new ImportFile(rows, dataRows, errors);
  }

  private static Map<String, Integer> columns(List<Csv.Record> records, List<FieldError> errors) {
    if (records.isEmpty()) {
      errors.add(new FieldError("file", "empty", "The file is empty; it needs a header line.", 1));
      return null;
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      String column = HEADINGS.get(normalise(header.get(i)));
      if (column != null && columns.putIfAbsent(column, i) != null) {
        errors.add(
            new FieldError(
                "header", "duplicate-column", "Column " + column + " appears twice.", 1));
      }
    }
    for (String required : List.of("extension", "name")) {
      if (!columns.containsKey(required)) {
        errors.add(
            new FieldError(
                "header",
                "missing-column",
                "The header needs a column '"
                    + required
                    + "' (columns: extension, name, email,"
                    + " department, recording_enabled, role).",
                1));
      }
    }
    return errors.isEmpty() ? columns : null;
  }

  private static Optional<Row> row(
      Csv.Record record, Map<String, Integer> columns, List<FieldError> errors) {
    int line = record.line();
    int before = errors.size();
    int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    if (record.fields().size() < width) {
      errors.add(
          error(
              line,
              "row",
              "missing-fields",
              "The line has "
                  + record.fields().size()
                  + " fields; the header needs "
                  + width
                  + "."));
      return Optional.empty();
    }
    String extension = value(record, columns, "extension");
    if (extension.isEmpty()) {
      errors.add(error(line, "extension", "required", "The extension is missing."));
    } else if (!UserService.EXTENSION.matcher(extension).matches()) {
      errors.add(
          error(line, "extension", "invalid-value", "'" + extension + "' is not an extension."));
    }
    String name = value(record, columns, "name");
    if (name.isEmpty()) {
      errors.add(error(line, "name", "required", "The name is missing."));
    } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(
          error(
              line, "name", "invalid-value", "The name is too long or holds control characters."));
    }
    String email = value(record, columns, "email");
    if (!email.isEmpty() && !Checks.isEmail(email)) {
      errors.add(error(line, "email", "not-an-email", "'" + email + "' is not an e-mail address."));
    }
    String department = value(record, columns, "department");
    if (department.length() > 200 || department.chars().anyMatch(Character::isISOControl)) {
      errors.add(error(line, "department", "invalid-value", "The department name is too long."));
    }
    Optional<Boolean> recording = yesNo(value(record, columns, "recording_enabled"));
    if (recording.isEmpty()) {
      errors.add(
          error(
              line,
              "recording_enabled",
              "invalid-value",
              "'" + value(record, columns, "recording_enabled") + "' is not yes or no."));
    }
    Optional<UserRole> role = role(value(record, columns, "role"));
    if (role.isEmpty()) {
      errors.add(
          error(
              line,
              "role",
              "invalid-value",
              "'"
                  + value(record, columns, "role")
                  + "' is not a role (none, my_console, super,"
                  + " restricted)."));
    } else if (role.get() != UserRole.NONE && email.isEmpty()) {
      errors.add(
          error(line, "email", "required", "A user with a web role needs an e-mail address."));
    } else if (role.get() == UserRole.RESTRICTED && department.isEmpty()) {
      errors.add(error(line, "department", "required", "A restricted user needs a department."));
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Row(
            line,
            extension,
            name,
            Optional.of(email).filter(e -> !e.isEmpty()),
            Optional.of(department).filter(d -> !d.isEmpty()),
            recording.get(),
            role.get()));
  }

  private static void crossCheck(List<Row> rows, List<FieldError> errors) {
    Map<String, Integer> extensions = new HashMap<>();
    Map<String, Integer> emails = new HashMap<>();
    for (Row row : rows) {
      Integer first = extensions.putIfAbsent(row.extension(), row.line());
      if (first != null) {
        errors.add(
            error(
                row.line(),
                "extension",
                "duplicate",
                "The extension is on line " + first + " too."));
      }
      if (row.email().isPresent()) {
        Integer firstEmail =
            emails.putIfAbsent(row.email().get().toLowerCase(Locale.ROOT), row.line());
        if (firstEmail != null) {
          errors.add(
              error(
                  row.line(),
                  "email",
                  "duplicate",
                  "The address is on line " + firstEmail + " too."));
        }
      }
    }
  }

  static ProblemException.Invalid invalid(List<FieldError> errors, int rows) {
    List<FieldError> sorted =
        errors.stream()
            .sorted(Comparator.comparing((FieldError e) -> e.line() == null ? 0 : e.line()))
            .toList();
    long lines = sorted.stream().map(FieldError::line).distinct().count();
    return new ProblemException.Invalid(
        lines
            + " line(s) of the file have errors"
            + (rows > 0 ? " (of " + rows + " rows)" : "")
            + "; nothing was imported.",
        sorted);
  }

  static FieldError error(int line, String field, String code, String message) {
    return new FieldError(field, code, message, line);
  }

  private static String value(Csv.Record record, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : record.fields().get(index).strip();
  }

  static Optional<Boolean> yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "", "no", "n", "false", "0", "nej", "off" -> Optional.of(false);
      case "yes", "y", "true", "1", "ja", "j", "x", "on" -> Optional.of(true);
      default -> Optional.empty();
    };
  }

  static Optional<UserRole> role(String value) {
    return switch (normalise(value)) {
      case "", "none", "ingen" -> Optional.of(UserRole.NONE);
      case "my_console", "myconsole", "console", "min_konsol" -> Optional.of(UserRole.MY_CONSOLE);
      case "super", "super_user", "superuser", "superanvandare" -> Optional.of(UserRole.SUPER);
      case "restricted", "restricted_user", "begransad", "begransad_anvandare" ->
          Optional.of(UserRole.RESTRICTED);
      default -> Optional.empty();
    };
  }

  private static String normalise(String heading) {
    return Normalizer.normalize(heading.strip(), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s-]+", "_");
  }

  private static Map<String, String> headings() {
    Map<String, String> h = new HashMap<>();
    for (String s : List.of("extension", "ext", "anknytning")) {
      h.put(s, "extension");
    }
    for (String s : List.of("name", "namn")) {
      h.put(s, "name");
    }
    for (String s : List.of("email", "e_mail", "e_post", "epost", "mail")) {
      h.put(s, "email");
    }
    for (String s : List.of("department", "avdelning")) {
      h.put(s, "department");
    }
    for (String s :
        List.of(
            "recording_enabled",
            "recording",
            "recordingenabled",
            "inspelning",
            "inspelning_aktiverad")) {
      h.put(s, "recording_enabled");
    }
    for (String s : List.of("role", "roll", "web_role", "webbroll")) {
      h.put(s, "role");
    }
    return Map.copyOf(h);
  }
}
