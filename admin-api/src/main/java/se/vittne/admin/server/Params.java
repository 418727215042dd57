package se.vittne.admin.server;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** Reading path and query parameters, with the answers the API promises for bad ones. */
public final class Params {
  private Params() {}

  /**
   * A path parameter that is an ID. One that is not a UUID names nothing: 404, exactly as for an ID
   * that does not exist or belongs to another tenant.
   */
  public static UUID id(Context ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw new ProblemException.NotFound("No such " + name.replace("Id", "") + ".");
    }
  }

  /** An optional query parameter, blank counting as absent. */
  public static Optional<String> query(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank()).map(String::strip);
  }

  /** An optional boolean query parameter ("true" or "false"). */
  public static boolean flag(Context ctx, String name) {
    Optional<String> value = query(ctx, name);
    if (value.isEmpty() || value.get().equalsIgnoreCase("false")) {
      return false;
    }
    if (value.get().equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.Invalid.of(name, "invalid-value", name + " must be true or false");
  }

  /** An optional query parameter naming a constant of an enum, ignoring case. */
  public static <E extends Enum<E>> Optional<E> enumeration(
      Context ctx, String name, Class<E> type) {
    Optional<String> value = query(ctx, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.get())) {
        return Optional.of(constant);
      }
    }
    throw ProblemException.Invalid.of(
        name,
        "invalid-value",
        name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }
}
