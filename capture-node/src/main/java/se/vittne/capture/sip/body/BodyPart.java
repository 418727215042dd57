package se.vittne.capture.sip.body;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One part of a multipart body.
 *
 * @param headers the part's headers, names lower-cased, the first occurrence of each
 * @param content the part's content, without the line break that belongs to the next delimiter
 * @param offset where the content starts in the whole body
 */
public record BodyPart(Map<String, String> headers, byte[] content, int offset) {
  public BodyPart {
    headers = Map.copyOf(headers);
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The part's media type ({@code type/subtype}, lower case, without parameters), if given. */
  public Optional<String> mediaType() {
    return Optional.ofNullable(headers.get("content-type")).map(BodyPart::mediaTypeOf);
  }

  static String mediaTypeOf(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
    return type.replace(" ", "").strip().toLowerCase(Locale.ROOT);
  }
}
