package se.vittne.capture.loadgen.audio;

/**
 * G.711 decoding for tests, written independently of the encoder from the code layout of ITU-T
 * G.711: sign, 3-bit segment, 4-bit step; µ-law inverted, A-law with even bits inverted.
 */
public final class G711Decode {
  private G711Decode() {}

  public static int ulaw(byte code) {
    int u = ~code & 0xFF;
    int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
    return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
  }

  public static int alaw(byte code) {
    int a = (code & 0xFF) ^ 0x55;
    int segment = (a & 0x70) >> 4;
    int magnitude = (a & 0x0F) << 4;
    magnitude += segment == 0 ? 8 : 0x108;
    if (segment > 1) {
      magnitude <<= segment - 1;
    }
    return (a & 0x80) != 0 ? magnitude : -magnitude;
  }
}
