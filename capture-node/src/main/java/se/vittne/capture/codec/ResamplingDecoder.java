package se.vittne.capture.codec;

/**
 * A decoder whose output is resampled to the recording's rate: G.711 (8 kHz) in a wide-band
 * recording, G.722 (16 kHz) in a narrow-band one.
 */
final class ResamplingDecoder implements AudioDecoder {
  private final AudioDecoder inner;
  private final PolyphaseResampler resampler;
  private final int outputRate;
  private final short[] scratch;

  ResamplingDecoder(AudioDecoder inner, int outputRate) {
    this.inner = inner;
    this.outputRate = outputRate;
    int gcd = gcd(inner.sampleRate(), outputRate);
    // no more input than makes a full output frame
    int maxInput = Math.min(MAX_FRAME_SAMPLES, MAX_FRAME_SAMPLES * inner.sampleRate() / outputRate);
    this.scratch = new short[maxInput];
    this.resampler = new PolyphaseResampler(outputRate / gcd, inner.sampleRate() / gcd, maxInput);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  @Override
  public int sampleRate() {
    return outputRate;
  }

  @Override
  public int delay() {
    return resampler.delay();
  }

  @Override
  public boolean stateful() {
    return inner.stateful();
  }

  @Override
  public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
    int n = inner.decode(payload, offset, length, scratch, 0);
    if (n <= 0) {
      return n;
    }
    if (resampler.outputLength(n) > out.length - outOffset) {
      return -1;
    }
    return resampler.process(scratch, 0, n, out, outOffset);
  }

  @Override
  public int conceal(int samples, short[] out, int outOffset) {
    int n = inner.conceal((int) ((long) samples * inner.sampleRate() / outputRate), scratch, 0);
    if (n <= 0) {
      resampler.reset();
      return 0;
    }
    return resampler.process(scratch, 0, n, out, outOffset);
  }

  @Override
  public void discontinuity() {
    inner.discontinuity();
    resampler.reset();
  }

  @Override
  public void reset() {
    inner.reset();
    resampler.reset();
  }
}
