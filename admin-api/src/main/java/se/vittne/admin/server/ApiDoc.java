package se.vittne.admin.server;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OpenAPI document says about one route, declared beside the route itself.
 *
 * @param operationId a unique name for the operation
 * @param tag the group it is listed under
 * @param summary one line
 * @param description more, if needed
 * @param body the request body, if it reads one
 * @param responses the answers it gives on success and the errors specific to it
 * @param query the query parameters it reads
 */
public record ApiDoc(
    String operationId,
    String tag,
    String summary,
    String description,
    Optional<Body> body,
    List<Response> responses,
    List<QueryParam> query) {
  public ApiDoc {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(body, "body");
    responses = List.copyOf(responses);
    query = List.copyOf(query);
  }

  /**
   * A request body.
   *
   * @param mediaType e.g. application/json, text/csv
   * @param schema the Java type it is read into (a record), or String for text
   */
  public record Body(String mediaType, Type schema) {}

  /**
   * One documented answer.
   *
   * @param status the HTTP status
   * @param description what it means
   * @param mediaType its media type; null when it has no body
   * @param schema the Java type it is written from; null when it has no body
   */
  public record Response(int status, String description, String mediaType, Type schema) {}

  /**
   * A query parameter.
   *
   * @param name its name
   * @param type String, Integer, Boolean, UUID or an enum
   * @param required whether it must be given
   * @param description what it does
   */
  public record QueryParam(String name, Class<?> type, boolean required, String description) {}
}
