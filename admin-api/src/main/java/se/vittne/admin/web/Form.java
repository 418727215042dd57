package se.vittne.admin.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.ProblemException;

/**
 * A form as shown again after a refusal: what was typed (never passwords), each field's error in
 * the page's language, and a message for the whole form.
 */
public final class Form {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private String message = "";

  public static Form empty() {
    return new Form();
  }

  /** The values of {@code fields} as the request sent them. */
  public static Form of(Context ctx, String... fields) {
    Form form = new Form();
    for (String field : fields) {
      String value = ctx.formParam(field);
      if (value != null) {
        form.values.put(field, value);
      }
    }
    return form;
  }

  public Form value(String field, String value) {
    values.put(field, value);
    return this;
  }

  public Form error(String field, String text) {
    errors.put(field, text);
    return this;
  }

  public Form message(String text) {
    this.message = text;
    return this;
  }

  /** Puts a refusal's field errors on their fields, in words of {@code t}. */
  public Form errors(Text t, ProblemException e, Map<String, String> fieldNames) {
    List<FieldError> fieldErrors = e.fieldErrors();
    if (fieldErrors.isEmpty()) {
      message = problemText(t, e);
    }
    for (FieldError error : fieldErrors) {
      String field = fieldNames.getOrDefault(error.field(), error.field());
      String byCode = t.get("error." + error.code());
      errors.merge(field, byCode.startsWith("[") ? error.message() : byCode, (a, b) -> a + " " + b);
    }
    return this;
  }

  /** A problem in the page's words: by its kind when there are words for it, else its detail. */
  public static String problemText(Text t, ProblemException e) {
    String byKind = t.get("problem." + e.slug() + ".text");
    return byKind.startsWith("[") ? e.detail() : byKind;
  }

  public String get(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean checked(String field) {
    return values.containsKey(field);
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public String errorOf(String field) {
    return errors.getOrDefault(field, "");
  }

  /** "true" for aria-invalid when the field has an error, else absent. */
  public String invalid(String field) {
    return errors.containsKey(field) ? "true" : null;
  }

  public boolean failed() {
    return !errors.isEmpty() || !message.isEmpty();
  }

  public String message() {
    return message;
  }

  public Optional<String> anyMessage() {
    return message.isEmpty() ? Optional.empty() : Optional.of(message);
  }
}
