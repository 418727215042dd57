package se.vittne.capture.sip.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the SDP and the SIPREC metadata in a request body: a single SDP body, a single metadata
 * body (an UPDATE that only changes metadata), or a multipart body holding both in either order
 * (RFC 7866 section 9.1). Both the registered {@code application/rs-metadata+xml} and the older
 * {@code application/rs-metadata} are metadata. A part whose type is missing or garbled is
 * recognised by its content: SDP starts with {@code v=}, metadata is an XML document.
 */
public final class BodyReader {
  public static final String SDP = "application/sdp";
  public static final String METADATA = "application/rs-metadata+xml";
  public static final String METADATA_OLD = "application/rs-metadata";

  private final int maxParts;

  public BodyReader(int maxParts) {
    this.maxParts = maxParts;
  }

  /**
   * Reads a body.
   *
   * @param contentType the request's Content-Type value, when present
   * @param body the body, possibly empty
   * @throws BodyException when a multipart body cannot be split, a part appears twice, or the body
   *     is of a type that carries neither SDP nor metadata
   */
  public RecordingBody read(Optional<String> contentType, byte[] body) throws BodyException {
    if (body.length == 0 || isBlank(body)) {
      return RecordingBody.empty();
    }
    String type = contentType.map(BodyPart::mediaTypeOf).orElse("");
    if (type.startsWith("multipart/")) {
      return fromParts(MultipartParser.parse(contentType.orElseThrow(), body, maxParts));
    }
    Kind kind = kindOf(type, body);
    return switch (kind) {
      case SDP -> new RecordingBody(Optional.of(text(body)), Optional.empty(), List.of());
      case METADATA -> new RecordingBody(Optional.empty(), Optional.of(body), List.of());
      case OTHER ->
          throw new BodyException(
              "unsupported body type '" + (type.isEmpty() ? "none" : type) + "'", -1);
    };
  }

  private static RecordingBody fromParts(List<BodyPart> parts) throws BodyException {
    String sdp = null;
    byte[] metadata = null;
    List<String> ignored = new ArrayList<>();
    for (BodyPart part : parts) {
      byte[] content = part.content();
      String type = part.mediaType().orElse("");
      switch (kindOf(type, content)) {
        case SDP -> {
          if (sdp != null) {
            throw new BodyException("two SDP parts in one body", part.offset());
          }
          sdp = text(content);
        }
        case METADATA -> {
          if (metadata != null) {
            throw new BodyException("two metadata parts in one body", part.offset());
          }
          metadata = content;
        }
        case OTHER -> ignored.add(type.isEmpty() ? "unknown" : type);
      }
    }
    return new RecordingBody(Optional.ofNullable(sdp), Optional.ofNullable(metadata), ignored);
  }

  private enum Kind {
    SDP,
    METADATA,
    OTHER
  }

  private static Kind kindOf(String type, byte[] content) {
    switch (type) {
      case SDP -> {
        return Kind.SDP;
      }
      case METADATA, METADATA_OLD -> {
        return Kind.METADATA;
      }
      default -> {
        // Only sniff parts whose type is missing or garbled, never a well-formed other type.
        if (!type.isEmpty() && type.matches("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")) {
          return Kind.OTHER;
        }
        String start = leading(content);
        if (start.startsWith("v=")) {
          return Kind.SDP;
        }
        if (start.startsWith("<") && text(content).toLowerCase(Locale.ROOT).contains("recording")) {
          return Kind.METADATA;
        }
        return Kind.OTHER;
      }
    }
  }

  private static String leading(byte[] content) {
    int i = 0;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return new String(content, i, Math.min(16, content.length - i), StandardCharsets.ISO_8859_1);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
