package se.vittne.capture.codec;

import java.util.Locale;
import java.util.Optional;

/**
 * The payload formats a recording can receive, matched by their SDP encoding name and RTP clock
 * rate (RFC 4566 {@code a=rtpmap}), or by their static payload type of RFC 3551 table 4.
 */
public enum Codec {
  /** G.711 µ-law, RFC 3551 section 4.5.14. */
  PCMU("PCMU", 8000, 0, 8000),
  /** G.711 A-law, RFC 3551 section 4.5.14. */
  PCMA("PCMA", 8000, 8, 8000),
  /** G.722, RFC 3551 section 4.5.2: clock 8000 Hz, audio 16 kHz. */
  G722("G722", 8000, 9, 16000),
  /** Opus, RFC 7587: clock 48000 Hz whatever the audio bandwidth. */
  OPUS("opus", 48000, -1, 48000),
  /** RFC 4733 telephone events (DTMF): timing kept, never written as audio. */
  TELEPHONE_EVENT("telephone-event", 0, -1, 0),
  /** RFC 3389 comfort noise: written as silence. */
  COMFORT_NOISE("CN", 8000, 13, 0);

  private final String encoding;
  private final int clockRate;
  private final int staticType;
  private final int audioRate;

  Codec(String encoding, int clockRate, int staticType, int audioRate) {
    this.encoding = encoding;
    this.clockRate = clockRate;
    this.staticType = staticType;
    this.audioRate = audioRate;
  }

  /**
   * The codec of an {@code a=rtpmap}, or of a static payload type when the encoding name is empty.
   *
   * @param clockRate the rtpmap's clock rate; telephone events accept any
   */
  public static Optional<Codec> find(String encoding, int clockRate, int payloadType) {
    if (encoding.isBlank()) {
      for (Codec c : values()) {
        if (c.staticType >= 0 && c.staticType == payloadType) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    String name = encoding.trim().toLowerCase(Locale.ROOT);
    for (Codec c : values()) {
      if (c.encoding.toLowerCase(Locale.ROOT).equals(name)
          && (c.clockRate == 0 || c.clockRate == clockRate)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The encoding name as SDP writes it. */
  public String encoding() {
    return encoding;
  }

  /** Whether the codec carries audio to write (not events or comfort noise). */
  public boolean audio() {
    return audioRate > 0;
  }

  /** Whether the codec's audio goes above 4 kHz, so the recording is made at 16 kHz. */
  public boolean wideBand() {
    return audioRate > 8000;
  }

  /**
   * A new decoder producing audio at {@code outputRate} (8000 or 16000).
   *
   * @throws IllegalStateException for events and comfort noise, which carry no audio
   */
  public AudioDecoder newDecoder(int outputRate) {
    AudioDecoder decoder =
        switch (this) {
          case PCMU -> G711.ulawDecoder();
          case PCMA -> G711.alawDecoder();
          case G722 -> new G722Decoder();
          case OPUS -> new OpusAudioDecoder(outputRate);
          case TELEPHONE_EVENT, COMFORT_NOISE ->
              throw new IllegalStateException(this + " carries no audio");
        };
    return decoder.sampleRate() == outputRate
        ? decoder
        : new ResamplingDecoder(decoder, outputRate);
  }
}
