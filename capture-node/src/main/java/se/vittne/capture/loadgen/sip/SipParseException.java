package se.vittne.capture.loadgen.sip;

/** A received message is not SIP as RFC 3261 section 7 defines it; says where it went wrong. */
public final class SipParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public SipParseException(String message, int offset) {
    super(message + " at byte " + offset);
    this.offset = offset;
  }

  /** The byte offset in the message where parsing stopped. */
  public int offset() {
    return offset;
  }
}
