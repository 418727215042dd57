/**
 * A load generator that plays the PBX or SBC side of SIPREC (RFC 7866): it places N recording
 * sessions at a ramp-up rate, each with a multipart INVITE (SDP plus RFC 7865 metadata naming two
 * participants) and, once answered, two paced RTP streams (one per participant, 20 ms frames of a
 * distinct tone or a WAV file) until a BYE after the hold time. One event-loop thread does
 * everything: SIP over UDP or TCP with the RFC 3261 client transactions, and every RTP packet of a
 * 20 ms tick in one batched flush ({@code sendmmsg} on Netty's epoll transport).
 *
 * <p>Used by {@code vittne loadgen}, by end-to-end tests to place real calls, and by the capacity
 * benchmark, which compares the capture node with {@link se.vittne.capture.loadgen.BareRtpSink}, a
 * receiver that only counts packets, fed with the same packets by the generator's RTP-only mode.
 *
 * <p>Start with {@link se.vittne.capture.loadgen.LoadGenerator#start} and a {@link
 * se.vittne.capture.loadgen.LoadGenConfig}; the outcome is a {@link
 * se.vittne.capture.loadgen.LoadResult}.
 */
package se.vittne.capture.loadgen;
