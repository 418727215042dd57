package se.vittne.capture.codec;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Opus (RFC 6716) in RTP (RFC 7587) through Concentus, decoded to mono at the recording's rate. The
 * RTP clock is always 48000 Hz. Lost packets are concealed by the decoder's PLC, or recovered from
 * the next packet's in-band FEC where the sender put it there.
 *
 * <p>Concentus 1.0.2 decodes Hybrid-mode packets (SILK + CELT, what browsers send by default) as
 * exact silence when asked for a rate below 48 kHz (lostromb/concentus#67). So a stream is decoded
 * directly at the recording's rate (cheapest, and right for SILK and CELT packets) until its first
 * Hybrid packet; from then on at 48 kHz, brought to the recording's rate by {@link
 * PolyphaseResampler}.
 */
public final class OpusAudioDecoder implements AudioDecoder {
  private static final int FULL_RATE = 48000;

  /** Opus conceals whole 2.5 ms quanta, at most 120 ms per call. */
  private static final int MAX_MS = 120;

  private final int rate;
  private OpusDecoder decoder;
  private int decodeRate;
  private PolyphaseResampler resampler;
  private short[] full;

  /**
   * @param rate the output sample rate: 48000 or a whole fraction of it (8000, 16000, 24000)
   * @throws IllegalArgumentException for another rate
   */
  public OpusAudioDecoder(int rate) {
    if (rate <= 0 || FULL_RATE % rate != 0 || rate < 8000) {
      throw new IllegalArgumentException("Opus output rate must divide 48000: " + rate);
    }
    this.rate = rate;
    this.decodeRate = rate;
    this.decoder = newDecoder(rate);
  }

  private static OpusDecoder newDecoder(int rate) {
    try {
      return new OpusDecoder(rate, 1);
    } catch (OpusException e) {
      throw new IllegalStateException("Concentus refused " + rate + " Hz mono", e);
    }
  }

  /** Whether a packet's TOC byte says Hybrid mode (configurations 12 to 15, RFC 6716 3.1). */
  static boolean hybrid(byte toc) {
    int config = (toc & 0xFF) >>> 3;
    return config >= 12 && config <= 15;
  }

  /** From now on decode at 48 kHz and resample: the Hybrid workaround, once per stream. */
  private void decodeAtFullRate() {
    decoder = newDecoder(FULL_RATE);
    decodeRate = FULL_RATE;
    int maxInput = FULL_RATE * MAX_MS / 1000;
    resampler = new PolyphaseResampler(1, FULL_RATE / rate, maxInput);
    full = new short[maxInput];
  }

  /** Whether the stream has switched to 48 kHz decoding. */
  boolean fullRate() {
    return decodeRate == FULL_RATE && rate != FULL_RATE;
  }

  @Override
  public int sampleRate() {
    return rate;
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
    if (decodeRate != FULL_RATE && hybrid(payload[offset])) {
      decodeAtFullRate();
    }
    try {
      return output(
          decoder.decode(
              payload, offset, length, target(out), target(outOffset), maxFrame(), false),
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
    return resampler == null ? out : full;
  }

  private int target(int outOffset) {
    return resampler == null ? outOffset : 0;
  }

  private int output(int decoded, short[] out, int outOffset) {
    if (decoded <= 0 || resampler == null) {
      return Math.max(decoded, 0);
    }
    return resampler.process(full, 0, decoded, out, outOffset);
  }

  private int maxFrame() {
    return decodeRate * MAX_MS / 1000;
  }

  /** Samples at the output rate to whole 2.5 ms quanta at the decoding rate. */
  private int frameSize(int samples) {
    int n = (int) ((long) samples * decodeRate / rate);
    return Math.min(maxFrame(), n - n % (decodeRate / 400));
  }

  @Override
  public void discontinuity() {
    if (resampler != null) {
      resampler.reset();
    }
  }

  @Override
  public void reset() {
    decoder.resetState();
    if (resampler != null) {
      resampler.reset();
    }
  }
}
