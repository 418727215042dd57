package se.vittne.capture.loadgen.audio;

import java.util.Locale;

/**
 * The payload formats the load generator can send, with their RTP parameters (RFC 3551 section 6
 * for the static ones, RFC 7587 for Opus). Every format is sent in 20 ms frames.
 */
public enum Codec {
  /** G.711 µ-law, static payload type 0. */
  PCMU(0, "PCMU", 8000, 8000, 1),
  /** G.711 A-law, static payload type 8. */
  PCMA(8, "PCMA", 8000, 8000, 1),
  /**
   * G.722, static payload type 9. Samples at 16 kHz, but its RTP clock runs at 8 kHz for a
   * historical error kept by RFC 3551 section 4.5.2.
   */
  G722(9, "G722", 8000, 16000, 1),
  /** Opus, dynamic payload type; RFC 7587 section 7 requires the rtpmap to say 48000/2. */
  OPUS(111, "opus", 48000, 48000, 2);

  /** The frame duration of every stream, in milliseconds. */
  public static final int FRAME_MILLIS = 20;

  private final int payloadType;
  private final String encodingName;
  private final int clockRate;
  private final int sampleRate;
  private final int rtpmapChannels;

  Codec(int payloadType, String encodingName, int clockRate, int sampleRate, int rtpmapChannels) {
    this.payloadType = payloadType;
    this.encodingName = encodingName;
    this.clockRate = clockRate;
    this.sampleRate = sampleRate;
    this.rtpmapChannels = rtpmapChannels;
  }

  /** The payload type offered in SDP. */
  public int payloadType() {
    return payloadType;
  }

  /** The encoding name as written in an SDP rtpmap. */
  public String encodingName() {
    return encodingName;
  }

  /** The RTP timestamp clock rate. */
  public int clockRate() {
    return clockRate;
  }

  /** The rate of the PCM the encoder takes. */
  public int sampleRate() {
    return sampleRate;
  }

  /** PCM samples per 20 ms frame. */
  public int samplesPerFrame() {
    return sampleRate * FRAME_MILLIS / 1000;
  }

  /** How far the RTP timestamp advances per 20 ms frame. */
  public int timestampIncrement() {
    return clockRate * FRAME_MILLIS / 1000;
  }

  /** The SDP {@code a=rtpmap} value (RFC 4566 section 6), without the {@code a=rtpmap:} prefix. */
  public String rtpmap() {
    String map = payloadType + " " + encodingName + "/" + clockRate;
    return rtpmapChannels == 1 ? map : map + "/" + rtpmapChannels;
  }

  /** Whether the payload type is dynamic (96-127), so the answer's number is the one to use. */
  public boolean dynamic() {
    return payloadType >= 96;
  }

  /** Parses a command-line name such as {@code pcmu} or {@code g722}. */
  public static Codec parse(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT).replace(".", "");
    for (Codec codec : values()) {
      if (codec.name().equals(upper)) {
        return codec;
      }
    }
    throw new IllegalArgumentException("unknown codec " + name + " (pcmu, pcma, g722, opus)");
  }
}
