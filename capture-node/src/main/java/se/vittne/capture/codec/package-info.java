/**
 * Audio decoders for the payload formats a recording receives: G.711 µ-law and A-law (ITU-T G.711,
 * RFC 3551 section 4.5.14), G.722 (ITU-T G.722 SB-ADPCM, written from the Recommendation; RFC 3551
 * section 4.5.2 for its 8000 Hz RTP clock over 16 kHz audio) and Opus (RFC 6716 and RFC 7587,
 * through Concentus, with its packet loss concealment and in-band FEC), plus the factor-two
 * resampler that puts narrow-band and wide-band legs on one sample rate.
 *
 * <p>Every decoder is used by one thread (the session's writer) and holds no locks; decoding never
 * allocates on the per-packet path.
 */
package se.vittne.capture.codec;
