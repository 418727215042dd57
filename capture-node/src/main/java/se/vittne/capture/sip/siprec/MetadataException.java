package se.vittne.capture.sip.siprec;

/** A metadata document cannot be used; the message is fit for a SIP reason phrase. */
public final class MetadataException extends Exception {
  private static final long serialVersionUID = 1L;

  public MetadataException(String message) {
    super(message);
  }

  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
