package se.vittne.capture.sip;

/** The transports the server listens on. */
public enum SipTransport {
  UDP,
  TCP,
  TLS
}
