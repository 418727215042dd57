package se.vittne.admin.recordings;

import java.util.List;
import se.vittne.admin.server.FieldError;
import se.vittne.admin.server.ProblemException;

/**
 * 400: query parameters (the filters of R-51) that cannot be used, each named in a field error so
 * that the web app can mark the filter in the user's language.
 */
public final class InvalidQuery extends ProblemException {
  private static final long serialVersionUID = 1L;
  private final List<FieldError> errors;

  public InvalidQuery(List<FieldError> errors) {
    super(
        400,
        "invalid-query",
        "Invalid query parameters",
        errors.size() == 1
            ? errors.get(0).message()
            : "The request has " + errors.size() + " invalid query parameters.");
    this.errors = List.copyOf(errors);
  }

  @Override
  public List<FieldError> fieldErrors() {
    return errors;
  }
}
