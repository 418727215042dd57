package se.vittne.capture.media;

/** An SDP direction attribute (RFC 4566 section 6, RFC 3264 section 5.1), as offered. */
public enum MediaDirection {
  SENDRECV,
  SENDONLY,
  RECVONLY,
  INACTIVE;

  /** Whether the offerer sends media in this direction, i.e. whether we receive anything. */
  public boolean sending() {
    return this == SENDRECV || this == SENDONLY;
  }
}
