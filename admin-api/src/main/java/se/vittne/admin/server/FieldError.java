package se.vittne.admin.server;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request's input.
 *
 * @param field the input field, as the client named it ("email", "departments[2]", "role")
 * @param code a stable word for the kind of error ("required", "too-long", "not-a-number"), so that
 *     the web app can word it in the user's language
 * @param message what is wrong, in English
 * @param line the line of an uploaded file (CSV import), counting the header as line 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String code, String message, Integer line) {
  public FieldError(String field, String code, String message) {
    this(field, code, message, null);
  }
}
