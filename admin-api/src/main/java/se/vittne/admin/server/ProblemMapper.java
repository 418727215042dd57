package se.vittne.admin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where HTTP outcomes become responses: every {@link ProblemException}, Javalin's own
 * (no such route, wrong method, body too large), database constraint violations, and unexpected
 * errors (logged with an incident ID; the client sees only the ID).
 */
final class ProblemMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private final Optional<ProblemPages> pages;

  ProblemMapper(Optional<ProblemPages> pages) {
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e));
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
    routes.exception(DataAccessException.class, (e, ctx) -> write(ctx, fromDatabase(e)));
    routes.exception(Exception.class, (e, ctx) -> write(ctx, unexpected(ctx, e)));
  }

  private void write(Context ctx, ProblemException e) {
    Problem problem =
        new Problem(
            Problem.TYPE_PREFIX + e.slug(),
            e.title(),
            e.status(),
            e.detail(),
            ctx.path(),
            e.fieldErrors());
    if (!ctx.path().startsWith("/api/") && pages.isPresent() && pages.get().handles(ctx)) {
      pages.get().render(ctx, problem, e.headers());
      return;
    }
    e.headers().forEach(ctx::header);
    try {
      ctx.status(e.status())
          .contentType(Problem.MEDIA_TYPE)
          .result(Json.mapper().writeValueAsString(problem));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static ProblemException fromJavalin(HttpResponseException e) {
    int status = e.getStatus();
    return switch (status) {
      case 400 -> new ProblemException.BadRequest(e.getMessage());
      case 404 -> new ProblemException.NotFound("There is nothing at this address.");
      case 413 ->
          new ProblemException.TooLarge("The request body is larger than the server accepts.");
      default -> new Generic(status, "http-" + status, e.getMessage(), e.getMessage());
    };
  }

  private static ProblemException fromDatabase(DataAccessException e) {
    String state = e.sqlState();
    if ("23505".equals(state) || "23P01".equals(state)) {
      return new ProblemException.Conflict("It conflicts with one that exists already.");
    }
    if ("23503".equals(state)) {
      return new ProblemException.Conflict(
          "It is still in use, or refers to something that does not exist.");
    }
    LOG.error("database error", e);
    return new Generic(
        503, "database-unavailable", "Database unavailable", "The database could not be used.");
  }

  private static ProblemException unexpected(Context ctx, Exception e) {
    String incident = UUID.randomUUID().toString();
    LOG.error("unexpected error {} in {} {}", incident, ctx.method(), ctx.path(), e);
    return new Generic(
        500,
        "internal-error",
        "Internal error",
        "An unexpected error occurred; it has been logged as incident " + incident + ".");
  }

  /** An outcome without a class of its own. */
  private static final class Generic extends ProblemException {
    private static final long serialVersionUID = 1L;

    Generic(int status, String slug, String title, String detail) {
      super(status, slug, title == null ? "HTTP " + status : title, detail == null ? "" : detail);
    }

    @Override
    public List<FieldError> fieldErrors() {
      return List.of();
    }

    @Override
    public Map<String, String> headers() {
      return Map.of();
    }
  }
}
