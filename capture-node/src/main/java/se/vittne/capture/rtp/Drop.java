package se.vittne.capture.rtp;

import java.util.Locale;

/** Why a received packet was not used; each reason is a tag of the drop counter. */
public enum Drop {
  /** Version field not 2 (also STUN, DTLS and other foreign traffic). */
  BAD_VERSION,
  /** Shorter than its fixed header. */
  TRUNCATED,
  /** CSRC list runs past the end of the packet. */
  BAD_CSRC,
  /** Header extension runs past the end of the packet. */
  BAD_EXTENSION,
  /** Padding count zero or larger than the payload. */
  BAD_PADDING,
  /** RTCP lengths do not add up to the datagram (RFC 3550 A.2). */
  BAD_RTCP_LENGTH,
  /** RTCP compound not starting with SR or RR, or padding before the last packet. */
  BAD_RTCP_TYPE,
  /** RTP payload type in the range reserved against RTCP confusion (RFC 5761 section 4). */
  BAD_PAYLOAD_TYPE,
  /** RTP on a port bound for RTCP only. */
  RTP_ON_RTCP_PORT,
  /** No stream on the port (released while the packet was in flight). */
  NO_STREAM,
  /** The stream's session is finishing or finished. */
  CLOSED,
  /** The stream is paused (hold, inactive): its packets are not recorded. */
  PAUSED,
  /** The hand-off to the writer is full: the event loop never waits. */
  HANDOFF_FULL,
  /** Larger than a batch can hold. */
  OVERSIZED,
  /** Payload type not negotiated for the stream. */
  UNKNOWN_PAYLOAD_TYPE,
  /** A packet already received. */
  DUPLICATE,
  /** Arrived after its audio was written. */
  LATE,
  /** Its place is further ahead of the written audio than the session's ring holds. */
  AHEAD,
  /** In sequence, but its place lies wholly inside audio the stream has already placed. */
  OVERLAP,
  /** From a source not confirmed by a packet in sequence after it (RFC 3550 A.1 probation). */
  UNCONFIRMED_SOURCE,
  /** Sequence number jumped far without confirmation (RFC 3550 A.1). */
  BAD_SEQUENCE,
  /** The decoder could not decode the payload. */
  DECODE_ERROR;

  /** The counter tag value. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
