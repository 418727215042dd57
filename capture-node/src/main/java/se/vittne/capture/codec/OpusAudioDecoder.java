package se.vittne.capture.codec;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Opus (RFC 6716) in RTP (RFC 7587) through Concentus, decoded to mono at the recording's rate. The
 * RTP clock is always 48000 Hz. Lost packets are concealed by the decoder's PLC, or recovered from
 * the next packet's in-band FEC where the sender put it there.
 *
 * <p>The decoder always runs at 48 kHz and {@link PolyphaseResampler} brings the audio to the
 * recording's rate: Concentus 1.0.2 decodes Hybrid-mode packets (SILK + CELT, what browsers send by
 * default) as exact silence when asked for a rate below 48 kHz (lostromb/concentus#67).
 */
public final class OpusAudioDecoder implements AudioDecoder {
  private static final int DECODE_RATE = 48000;
  private static final int MAX_DECODE = DECODE_RATE * 120 / 1000;

  /** Opus conceals whole 2.5 ms quanta. */
  private static final int QUANTUM = DECODE_RATE / 400;

  private final int rate;
  private final OpusDecoder decoder;
  private final PolyphaseResampler resampler;
  private final short[] pcm48;

  /**
   * @param rate the output sample rate: 48000 or a whole fraction of it (8000, 16000, 24000)
   * @throws IllegalArgumentException for another rate
   */
  public OpusAudioDecoder(int rate) {
    if (rate <= 0 || DECODE_RATE % rate != 0) {
      throw new IllegalArgumentException("Opus output rate must divide 48000: " + rate);
    }
    this.rate = rate;
    try {
      this.decoder = new OpusDecoder(DECODE_RATE, 1);
    } catch (OpusException e) {
      throw new IllegalStateException("Concentus refused 48 kHz mono", e);
    }
    this.resampler =
        rate == DECODE_RATE ? null : new PolyphaseResampler(1, DECODE_RATE / rate, MAX_DECODE);
    this.pcm48 = resampler == null ? null : new short[MAX_DECODE];
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public void discontinuity() {
    if (resampler != null) {
      resampler.reset();
    }
  }

  @Override
  public int delay() {
    return resampler == null ? 0 : resampler.delay();
  }

  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
    if (length <= 0) {
      return -1;
    }
    try {
      return output(
          decoder.decode(
              payload, offset, length, target(out), target(outOffset), MAX_DECODE, false),
          out,
          outOffset);
    } catch (OpusException | RuntimeException e) {
      // Concentus reports some corrupt packets as index errors; they are bad packets, not bugs here
      return -1;
    }
  }

  @Override
  public int conceal(int samples, short[] out, int outOffset) {
    int n = frameSize(samples);
    if (n == 0) {
      return 0;
    }
    try {
      return output(
          decoder.decode(null, 0, 0, target(out), target(outOffset), n, false), out, outOffset);
    } catch (OpusException | RuntimeException e) {
      return 0;
    }
  }

  @Override
  public int recover(byte[] next, int offset, int length, int samples, short[] out, int outOffset) {
    int n = frameSize(samples);
    if (n == 0 || length <= 0) {
      return conceal(samples, out, outOffset);
    }
    try {
      return output(
          decoder.decode(next, offset, length, target(out), target(outOffset), n, true),
          out,
          outOffset);
    } catch (OpusException | RuntimeException e) {
      return conceal(samples, out, outOffset);
    }
  }

  private short[] target(short[] out) {
    return resampler == null ? out : pcm48;
  }

  private int target(int outOffset) {
    return resampler == null ? outOffset : 0;
  }

  private int output(int decoded, short[] out, int outOffset) {
    if (decoded <= 0 || resampler == null) {
      return Math.max(decoded, 0);
    }
    return resampler.process(pcm48, 0, decoded, out, outOffset);
  }

  /** Samples at the output rate to whole 2.5 ms quanta at 48 kHz, at most 120 ms. */
  private int frameSize(int samples) {
    int n = (int) ((long) samples * DECODE_RATE / rate);
    return Math.min(MAX_DECODE, n - n % QUANTUM);
  }

  @Override
  public void reset() {
    decoder.resetState();
    if (resampler != null) {
      resampler.reset();
    }
  }
}
