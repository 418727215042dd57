package se.vittne.capture.sip;

/** How a call reached the recorder. */
public enum SessionKind {
  /** A SIPREC recording session (RFC 7866): SDP plus metadata from a session recording client. */
  SIPREC,
  /** A plain INVITE forked by the PBX, one or two audio streams, facts in headers. */
  FORKED_LEG
}
