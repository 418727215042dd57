package se.vittne.capture.loadgen.audio;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encoded 20 ms payloads, played in a loop: frame {@code n} of a stream is {@code frame(n)}. Built
 * once at start so that sending a packet costs a copy, never an encode.
 *
 * @param codec the payload format
 * @param frames one payload per 20 ms; never modified after construction
 */
public record PayloadLoop(Codec codec, byte[][] frames) {
  /** Opus bit rate: a typical wide-band voice setting. */
  public static final int OPUS_BITRATE = 32_000;

  public PayloadLoop {
    Objects.requireNonNull(codec, "codec");
    if (frames.length == 0) {
      throw new IllegalArgumentException("a payload loop needs at least one frame");
    }
  }

  /** The payload of the stream's frame number {@code n} (n ≥ 0). */
  public byte[] frame(long n) {
    return frames[(int) (n % frames.length)];
  }

  /** Encodes PCM at the codec's sample rate; a partial last frame is padded with silence. */
  public static PayloadLoop encode(Codec codec, short[] pcm) {
    int perFrame = codec.samplesPerFrame();
    int count = (pcm.length + perFrame - 1) / perFrame;
    short[] padded = Arrays.copyOf(pcm, count * perFrame);
    byte[][] frames = new byte[count][];
    switch (codec) {
      case PCMU, PCMA -> encodeG711(codec, padded, frames);
      case G722 -> encodeG722(padded, frames);
      case OPUS -> encodeOpus(padded, frames);
    }
    return new PayloadLoop(codec, frames);
  }

  private static void encodeG711(Codec codec, short[] pcm, byte[][] frames) {
    int perFrame = codec.samplesPerFrame();
    for (int f = 0; f < frames.length; f++) {
      byte[] frame = new byte[perFrame];
      for (int i = 0; i < perFrame; i++) {
        short sample = pcm[f * perFrame + i];
        frame[i] = codec == Codec.PCMU ? G711.ulaw(sample) : G711.alaw(sample);
      }
      frames[f] = frame;
    }
  }

  private static void encodeG722(short[] pcm, byte[][] frames) {
    G722Encoder encoder = new G722Encoder();
    int perFrame = Codec.G722.samplesPerFrame();
    for (int f = 0; f < frames.length; f++) {
      byte[] frame = new byte[perFrame / 2];
      encoder.encode(pcm, f * perFrame, perFrame, frame, 0);
      frames[f] = frame;
    }
  }

  private static void encodeOpus(short[] pcm, byte[][] frames) {
    int perFrame = Codec.OPUS.samplesPerFrame();
    try {
      OpusEncoder encoder = new OpusEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
      encoder.setBitrate(OPUS_BITRATE);
      byte[] out = new byte[1275]; // the largest Opus frame (RFC 6716 section 3.2.1)
      for (int f = 0; f < frames.length; f++) {
        int length = encoder.encode(pcm, f * perFrame, perFrame, out, 0, out.length);
        frames[f] = Arrays.copyOf(out, length);
      }
    } catch (OpusException e) {
      throw new IllegalStateException("the Opus encoder refused its input: " + e.getMessage(), e);
    }
  }
}
