package se.vittne.capture.codec;

/**
 * Turns the payloads of one RTP stream into 16-bit linear PCM. One instance per stream and source;
 * used by one thread at a time. Corrupt payloads are reported by a negative result, never thrown.
 */
public interface AudioDecoder {

  /** The largest number of samples one call of {@link #decode} or {@link #conceal} writes. */
  int MAX_FRAME_SAMPLES = 5760;

  /** The sample rate of the PCM this decoder produces. */
  int sampleRate();

  /**
   * Whether decoding depends on the packets before (ADPCM, Opus): such streams are decoded in
   * sequence order, and a packet that arrives after its successors were decoded is late.
   */
  boolean stateful();

  /**
   * Decodes one RTP payload.
   *
   * @return the number of samples written to {@code out} from {@code outOffset}, or -1 when the
   *     payload cannot be decoded
   */
  int decode(byte[] payload, int offset, int length, short[] out, int outOffset);

  /**
   * Conceals a lost packet of {@code samples} samples (at {@link #sampleRate()}).
   *
   * @return the number of samples written, 0 when the codec has no concealment and the caller
   *     leaves silence
   */
  int conceal(int samples, short[] out, int outOffset);

  /**
   * Recovers the packet lost just before {@code next} from the redundancy {@code next} carries
   * (Opus in-band FEC); codecs without redundancy conceal instead.
   *
   * @return the number of samples written, 0 for silence
   */
  default int recover(
      byte[] next, int offset, int length, int samples, short[] out, int outOffset) {
    return conceal(samples, out, outOffset);
  }

  /**
   * The output samples by which this decoder delays the audio (its resampling filter), so that the
   * caller can place the audio where it belongs.
   */
  default int delay() {
    return 0;
  }

  /**
   * Tells the decoder that its next packet does not follow on from the last one in time (a gap of
   * silence, DTX): filters restart rather than smear the old audio into the new.
   */
  default void discontinuity() {}

  /** Forgets all state, as for a new source. */
  void reset();
}
