package se.vittne.capture.sip.body;

/** A message body cannot be read; the message is fit for a SIP reason phrase. */
public final class BodyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public BodyException(String message, int offset) {
    super(message + (offset >= 0 ? " (at byte " + offset + ")" : ""));
    this.offset = offset;
  }

  /** Where in the body the problem was found, or -1 when it concerns the whole body. */
  public int offset() {
    return offset;
  }
}
