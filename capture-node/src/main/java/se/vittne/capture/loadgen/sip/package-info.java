/**
 * The SIP side of the load generator, a SIPREC client (RFC 7866) free of I/O: hand-built requests
 * (RFC 3261 section 8.1.1 and 12.2.1), the multipart offer with SDP and recording metadata (RFC
 * 7865), a small parser for the responses and requests the generator receives, the SDP answer, and
 * the retransmission timers of the client transactions (RFC 3261 section 17.1).
 */
package se.vittne.capture.loadgen.sip;
