/**
 * Message bodies of recording sessions: the tolerant reader of {@code multipart/mixed} bodies (RFC
 * 2046 section 5.1) that carry SDP and SIPREC metadata (RFC 7866 section 9.1), in whatever order
 * and with whatever header spelling real SRCs use.
 */
package se.vittne.capture.sip.body;
