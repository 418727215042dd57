package se.vittne.capture.media;

/** The media engine cannot do what signalling asked; the message says why, for the SIP reason. */
public class MediaException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, so that signalling can choose the response (503 for capacity, 488 for formats). */
  public enum Kind {
    NO_PORTS,
    UNSUPPORTED_FORMAT,
    SPOOL_UNAVAILABLE,
    INVALID_REQUEST
  }

  private final Kind kind;

  public MediaException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MediaException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
