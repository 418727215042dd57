/**
 * The seam between signalling and media: what the SIP layer asks of the media engine (receive these
 * streams, on ports you choose, into one recording) and what it gets back (local endpoints for the
 * SDP answer, and at the end the finished WAV with its quality figures).
 */
package se.vittne.capture.media;
