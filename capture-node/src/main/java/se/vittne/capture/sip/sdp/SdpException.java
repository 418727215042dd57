package se.vittne.capture.sip.sdp;

/** An SDP body cannot be used; the message is fit for a SIP reason phrase. */
public final class SdpException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  public SdpException(String message, int line) {
    super(message + (line > 0 ? " (SDP line " + line + ")" : ""));
    this.line = line;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole description. */
  public int line() {
    return line;
  }
}
