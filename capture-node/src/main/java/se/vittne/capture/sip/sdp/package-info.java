/**
 * SDP as a recording server needs it: a tolerant reader of offers (RFC 8866, formerly RFC 4566)
 * with the attributes SIPREC uses ({@code a=label} of RFC 4574, {@code a=rtcp-mux} of RFC 5761,
 * {@code a=rtcp} of RFC 3605, direction attributes), and the writer of receive-only answers by the
 * offer/answer rules of RFC 3264 section 6.
 */
package se.vittne.capture.sip.sdp;
