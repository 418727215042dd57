package se.vittne.admin.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP outcome other than success. Handlers throw one of the subclasses; {@link ProblemMapper}
 * turns every one into an {@code application/problem+json} response in one place. These are
 * outcomes, not bugs, so they carry no stack trace.
 */
public abstract class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String slug;
  private final String title;

  protected ProblemException(int status, String slug, String title, String detail) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false);
    this.status = status;
    this.slug = Objects.requireNonNull(slug, "slug");
    this.title = Objects.requireNonNull(title, "title");
  }

  public int status() {
    return status;
  }

  /** The kind of problem, a stable lower-case word; the problem's type is its URN. */
  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The field errors, for validation problems. */
  public List<FieldError> fieldErrors() {
    return List.of();
  }

  /** Response headers the outcome needs (Retry-After, WWW-Authenticate...). */
  public Map<String, String> headers() {
    return Map.of();
  }

  /** 400: the request cannot be read (malformed JSON, a parameter of the wrong type). */
  public static final class BadRequest extends ProblemException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String detail) {
      this("bad-request", "Bad request", detail);
    }

    public BadRequest(String slug, String title, String detail) {
      super(400, slug, title, detail);
    }
  }

  /** 401: the request is not authenticated, or its credentials are not valid. */
  public static final class Unauthenticated extends ProblemException {
    private static final long serialVersionUID = 1L;

    public Unauthenticated(String detail) {
      this("unauthenticated", "Authentication required", detail);
    }

    public Unauthenticated(String slug, String title, String detail) {
      super(401, slug, title, detail);
    }
  }

  /** 403: authenticated, but not allowed to do this (or a step such as a password change first). */
  public static final class Forbidden extends ProblemException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String detail) {
      this("forbidden", "Forbidden", detail);
    }

    public Forbidden(String slug, String title, String detail) {
      super(403, slug, title, detail);
    }
  }

  /**
   * 404: no such thing, or one of another tenant: the two are never told apart, so that IDs reveal
   * nothing.
   */
  public static final class NotFound extends ProblemException {
    private static final long serialVersionUID = 1L;

    public NotFound(String detail) {
      super(404, "not-found", "Not found", detail);
    }
  }

  /** 409: the request conflicts with the current state (a duplicate, a row still in use). */
  public static final class Conflict extends ProblemException {
    private static final long serialVersionUID = 1L;

    public Conflict(String detail) {
      this("conflict", "Conflict", detail);
    }

    public Conflict(String slug, String title, String detail) {
      super(409, slug, title, detail);
    }
  }

  /** 413: the request body is larger than the server accepts. */
  public static final class TooLarge extends ProblemException {
    private static final long serialVersionUID = 1L;

    public TooLarge(String detail) {
      super(413, "payload-too-large", "Payload too large", detail);
    }
  }

  /** 415: the body is not of the media type the endpoint reads. */
  public static final class UnsupportedMediaType extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaType(String detail) {
      super(415, "unsupported-media-type", "Unsupported media type", detail);
    }
  }

  /** 422: the request was read, but its content is not valid; says what is wrong, per field. */
  public static final class Invalid extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public Invalid(List<FieldError> errors) {
      this("The request has " + errors.size() + " invalid field(s).", errors);
    }

    public Invalid(String detail, List<FieldError> errors) {
      super(422, "validation-failed", "Validation failed", detail);
      this.errors = List.copyOf(errors);
    }

    public static Invalid of(String field, String code, String message) {
      return new Invalid(message, List.of(new FieldError(field, code, message)));
    }

    @Override
    public List<FieldError> fieldErrors() {
      return errors;
    }
  }

  /** 429: too many attempts; try again after the given time. */
  public static final class TooManyRequests extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
      super(429, "too-many-requests", "Too many requests", detail);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }

    @Override
    public Map<String, String> headers() {
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      return Map.of("Retry-After", Long.toString(seconds));
    }
  }
}
