package se.vittne.admin.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vittne.admin.server.Json;

/**
 * An HTTP client of the admin API, with its own cookie jar: one instance is one browser (or one
 * integration with a bearer token). After {@link #login} it sends the session's CSRF token on every
 * request, as the web app does.
 */
public final class Api {
  private static final ObjectMapper JSON = Json.mapper();

  private final URI base;
  private final HttpClient http;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String csrf;

  Api(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * One answer.
   *
   * @param status the status code
   * @param headers the response headers
   * @param body the body as text
   */
  public record Response(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public List<String> allHeaders(String name) {
      return headers.allValues(name);
    }

    public String contentType() {
      return header("Content-Type");
    }

    /** The problem's type without the urn:vittne:problem: prefix. */
    public String problem() {
      return json().path("type").asText().replace("urn:vittne:problem:", "");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Logs in; on success the session cookie is kept and its CSRF token sent from now on. */
  public Response login(String email, String password) {
    return login(email, password, false);
  }

  public Response login(String email, String password, boolean keep) {
    Response r =
        post(
            "/api/v1/auth/login",
            Map.of("email", email, "password", password, "keepLoggedIn", keep));
    if (r.status() == 200) {
      csrf = r.json().path("csrfToken").asText();
    }
    return r;
  }

  /** Uses a new CSRF token (after a password change the session is a new one). */
  public Api csrf(String token) {
    this.csrf = token;
    return this;
  }

  public String csrf() {
    return csrf;
  }

  /** Sends this bearer token instead of cookies. */
  public Api bearer(String token) {
    headers.put("Authorization", "Bearer " + token);
    return this;
  }

  /** The value of a header this client adds to every request. */
  public String headers(String name) {
    return headers.get(name);
  }

  /** Adds a header to every request. */
  public Api header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  /**
   * An answer whose body is bytes (audio, a ZIP file).
   *
   * @param status the status code
   * @param headers the response headers
   * @param body the body
   */
  public record Binary(int status, HttpHeaders headers, byte[] body) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A GET whose answer is read as bytes, with extra headers (Range, If-Range...). */
  public Binary bytes(String path, Map<String, String> extra) {
    return binary("GET", path, null, null, extra);
  }

  /** A request whose answer is read as bytes. */
  public Binary binary(
      String method, String path, String contentType, String body, Map<String, String> extra) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (csrf != null && !headers.containsKey("Authorization")) {
      request.header("X-CSRF-Token", csrf);
    }
    headers.forEach(request::header);
    extra.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Binary(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, Object json) {
    return send("POST", path, "application/json", body(json));
  }

  public Response put(String path, Object json) {
    return send("PUT", path, "application/json", body(json));
  }

  /** A request with a raw body, any content type (null: no body). */
  public Response send(String method, String path, String contentType, String body) {
    return send(method, path, contentType, body, Map.of());
  }

  public Response send(
      String method, String path, String contentType, String body, Map<String, String> extra) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (csrf != null && !headers.containsKey("Authorization")) {
      request.header("X-CSRF-Token", csrf);
    }
    headers.forEach(request::header);
    extra.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String body(Object json) {
    if (json == null) {
      return null;
    }
    if (json instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
