package se.vittne.capture.sip;

/** Why a session ended. */
public enum EndReason {
  /** The SRC sent BYE. */
  BYE,
  /** The SRC cancelled the INVITE before the answer reached it. */
  CANCELLED,
  /** No session refresh arrived in time (RFC 4028), or our own refresh failed. */
  SESSION_EXPIRED,
  /** The SRC never acknowledged the answer (no ACK), or the transport failed. */
  NOT_ESTABLISHED,
  /** The session layer ended it through {@link SessionControl#terminate}. */
  TERMINATED,
  /** The server stopped. */
  SHUTDOWN
}
