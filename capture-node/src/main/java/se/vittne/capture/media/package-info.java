/**
 * The seam between signalling and media: what the SIP layer asks of the media engine (receive these
 * streams, on ports you choose, into one recording) and what it gets back (local endpoints for the
 * SDP answer, and at the end the finished WAV with its quality figures).
 *
 * <p>The implementation is {@link se.vittne.capture.media.RtpMediaEngine}, configured by {@link
 * se.vittne.capture.media.RtpMediaEngineConfig}: Netty epoll event loops receive and batch RTP
 * ({@code se.vittne.capture.rtp}), writer threads decode ({@code se.vittne.capture.codec}), align
 * every stream on the session's one timeline and write the WAV file while the call runs ({@code
 * se.vittne.capture.wav}). See {@code docs/media.md}.
 */
package se.vittne.capture.media;
