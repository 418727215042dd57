package se.vittne.admin.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error response as RFC 9457 describes it ({@code application/problem+json}).
 *
 * @param type identifies the kind of problem: {@code urn:vittne:problem:<slug>}
 * @param title a short summary of the kind, the same for every occurrence
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors the field errors, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {
  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The prefix of every {@link #type}. */
  public static final String TYPE_PREFIX = "urn:vittne:problem:";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
