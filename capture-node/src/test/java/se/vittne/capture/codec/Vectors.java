package se.vittne.capture.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the committed reference vectors of {@code src/test/resources/codec/}. */
final class Vectors {
  private Vectors() {}

  static byte[] bytes(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("/codec/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static short[] s16le(String name) {
    byte[] b = bytes(name);
    short[] s = new short[b.length / 2];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }

  /** Signal-to-error ratio of {@code actual} against {@code reference} over n samples, in dB. */
  static double snrDb(short[] reference, short[] actual, int from, int n) {
    double signal = 0;
    double noise = 0;
    for (int i = from; i < from + n; i++) {
      signal += (double) reference[i] * reference[i];
      double e = reference[i] - actual[i];
      noise += e * e;
    }
    return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
  }

  static int maxAbsDiff(short[] reference, short[] actual, int from, int n) {
    int max = 0;
    for (int i = from; i < from + n; i++) {
      max = Math.max(max, Math.abs(reference[i] - actual[i]));
    }
    return max;
  }
}
