package se.vittne.admin.server;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The API's JSON: one configured mapper (ISO-8601 times, strict about unknown fields), and reading
 * request bodies with errors a client can act on: 415 for another media type, 400 for JSON that
 * does not parse, 422 naming the field for a value of the wrong kind.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a JSON request body into {@code type}. */
  public static <T> T read(Context ctx, Class<T> type) {
    requireMediaType(ctx, "application/json");
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new ProblemException.BadRequest("The request needs a JSON body.");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new ProblemException.BadRequest("The JSON body must be an object, not null.");
      }
      return value;
    } catch (JsonParseException e) {
      throw new ProblemException.BadRequest(
          "The body is not valid JSON: " + e.getOriginalMessage());
    } catch (UnrecognizedPropertyException e) {
      throw ProblemException.Invalid.of(
          path(e), "unknown-field", "Unknown field '" + e.getPropertyName() + "'.");
    } catch (InvalidFormatException e) {
      String expected =
          e.getTargetType() != null && e.getTargetType().isEnum()
              ? "one of "
                  + Arrays.stream(e.getTargetType().getEnumConstants())
                      .map(Object::toString)
                      .collect(Collectors.joining(", "))
              : "a " + e.getTargetType().getSimpleName();
      throw ProblemException.Invalid.of(path(e), "invalid-value", "Must be " + expected + ".");
    } catch (JsonMappingException e) {
      throw ProblemException.Invalid.of(
          path(e), "invalid-value", "Invalid value: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ProblemException.BadRequest("The body is not valid JSON.");
    } catch (IOException e) {
      throw new ProblemException.BadRequest("The body could not be read.");
    }
  }

  /** Writes a value as JSON with a status. */
  public static void write(Context ctx, int status, Object value) {
    ctx.status(status).json(value);
  }

  /** Refuses a body of another media type with 415. */
  public static void requireMediaType(Context ctx, String mediaType) {
    String contentType = ctx.contentType();
    String actual =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!actual.equals(mediaType)) {
      throw new ProblemException.UnsupportedMediaType(
          "Send the body as " + mediaType + (actual.isEmpty() ? "." : ", not " + actual + "."));
    }
  }

  private static String path(JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
