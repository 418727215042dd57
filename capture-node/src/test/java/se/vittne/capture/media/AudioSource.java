package se.vittne.capture.media;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import se.vittne.capture.codec.G711;

/**
 * 20 ms payloads of a test signal in one codec: a G.711 or Opus tone made on the fly, or the
 * committed G.722 vector looped.
 */
public final class AudioSource {
  private final String encoding;
  private final int payloadType;
  private final int clockRate;
  private final int timestampStep;
  private final Generator generator;

  private interface Generator {
    byte[] next();
  }

  private AudioSource(
      String encoding, int payloadType, int clockRate, int timestampStep, Generator generator) {
    this.encoding = encoding;
    this.payloadType = payloadType;
    this.clockRate = clockRate;
    this.timestampStep = timestampStep;
    this.generator = generator;
  }

  /** A µ-law tone, payload type 0. */
  public static AudioSource pcmu(double hz, double amplitude) {
    return g711("PCMU", 0, hz, amplitude, true);
  }

  /** An A-law tone, payload type 8. */
  public static AudioSource pcma(double hz, double amplitude) {
    return g711("PCMA", 8, hz, amplitude, false);
  }

  private static AudioSource g711(String name, int pt, double hz, double amplitude, boolean ulaw) {
    long[] n = {0};
    return new AudioSource(
        name,
        pt,
        8000,
        160,
        () -> {
          byte[] p = new byte[160];
          for (int i = 0; i < 160; i++, n[0]++) {
            short s = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * n[0] / 8000));
            p[i] = ulaw ? G711.encodeUlaw(s) : G711.encodeAlaw(s);
          }
          return p;
        });
  }

  /** The committed 5 kHz G.722 vector, looped, payload type 9. */
  public static AudioSource g722Tone5k() {
    byte[] all;
    try (InputStream in = AudioSource.class.getResourceAsStream("/codec/tone5k.g722")) {
      all = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] pos = {0};
    return new AudioSource(
        "G722",
        9,
        8000,
        160,
        () -> {
          byte[] p = new byte[160];
          for (int i = 0; i < 160; i++) {
            p[i] = all[pos[0]];
            pos[0] = (pos[0] + 1) % all.length;
          }
          return p;
        });
  }

  /**
   * An Opus tone as a browser sends it: Concentus at 48 kHz, 32 kbit/s, 20 ms frames, in-band FEC
   * (Hybrid mode).
   */
  public static AudioSource opus(int payloadType, double hz, double amplitude) {
    return opus(payloadType, hz, amplitude, 48000, 32000);
  }

  /** An Opus tone as a SIP phone sends it: 16 kHz input, 24 kbit/s (SILK wide-band). */
  public static AudioSource opusSilk(int payloadType, double hz, double amplitude) {
    return opus(payloadType, hz, amplitude, 16000, 24000);
  }

  private static AudioSource opus(
      int payloadType, double hz, double amplitude, int inputRate, int bitrate) {
    OpusEncoder encoder;
    try {
      encoder = new OpusEncoder(inputRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
      encoder.setBitrate(bitrate);
      encoder.setUseInbandFEC(true);
      encoder.setPacketLossPercent(10);
    } catch (OpusException e) {
      throw new IllegalStateException(e);
    }
    long[] n = {0};
    int frame = inputRate / 50;
    short[] pcm = new short[frame];
    byte[] out = new byte[1500];
    return new AudioSource(
        "opus",
        payloadType,
        48000,
        960,
        () -> {
          for (int i = 0; i < frame; i++, n[0]++) {
            pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * n[0] / inputRate));
          }
          try {
            int len = encoder.encode(pcm, 0, frame, out, 0, out.length);
            return java.util.Arrays.copyOf(out, len);
          } catch (OpusException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  public byte[] next() {
    return generator.next();
  }

  /**
   * This source with its next {@code n} payloads made now, so that playing them later costs no CPU
   * (encoding Opus in real time competes with the engine under test for the cores).
   */
  public AudioSource pregenerated(int n) {
    java.util.List<byte[]> payloads = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      payloads.add(generator.next());
    }
    int[] pos = {0};
    return new AudioSource(
        encoding, payloadType, clockRate, timestampStep, () -> payloads.get(pos[0]++));
  }

  public String encoding() {
    return encoding;
  }

  public int payloadType() {
    return payloadType;
  }

  public int clockRate() {
    return clockRate;
  }

  /** RTP timestamp units per 20 ms packet. */
  public int timestampStep() {
    return timestampStep;
  }

  /** The SDP format of the source, with telephone-event on payload type 101. */
  public java.util.List<PayloadFormat> formats() {
    return java.util.List.of(
        new PayloadFormat(payloadType, encoding, clockRate, encoding.equals("opus") ? 2 : 1, ""),
        new PayloadFormat(101, "telephone-event", clockRate == 48000 ? 48000 : 8000, 1, "0-16"));
  }
}
