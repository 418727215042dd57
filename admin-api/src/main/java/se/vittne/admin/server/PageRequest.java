package se.vittne.admin.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code offset} and {@code limit} query parameters of a paged list.
 *
 * @param offset how many items to skip
 * @param limit how many to return at most
 */
public record PageRequest(int offset, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public static PageRequest from(Context ctx) {
    List<FieldError> errors = new ArrayList<>();
    int offset = integer(ctx, "offset", 0, 0, Integer.MAX_VALUE, errors);
    int limit = integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException.Invalid(errors);
    }
    return new PageRequest(offset, limit);
  }

  private static int integer(
      Context ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            name, "out-of-range", name + " must be a whole number from " + min + " to " + max));
    return fallback;
  }
}
