package se.vittne.capture.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The Opus packets of an Ogg Opus file (RFC 7845), for the reference vectors: Ogg pages (RFC 3533)
 * are reassembled into packets by their lacing values; the first two packets are the OpusHead and
 * OpusTags headers.
 */
final class OggOpus {
  final int preSkip;
  final List<byte[]> audioPackets;

  private OggOpus(int preSkip, List<byte[]> audioPackets) {
    this.preSkip = preSkip;
    this.audioPackets = audioPackets;
  }

  static OggOpus parse(byte[] ogg) {
    List<byte[]> packets = new ArrayList<>();
    java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
    int pos = 0;
    while (pos + 27 <= ogg.length) {
      if (ogg[pos] != 'O' || ogg[pos + 1] != 'g' || ogg[pos + 2] != 'g' || ogg[pos + 3] != 'S') {
        throw new IllegalArgumentException("no Ogg page at " + pos);
      }
      int segments = ogg[pos + 26] & 0xFF;
      int data = pos + 27 + segments;
      for (int i = 0; i < segments; i++) {
        int lace = ogg[pos + 27 + i] & 0xFF;
        current.write(ogg, data, lace);
        data += lace;
        if (lace < 255) {
          packets.add(current.toByteArray());
          current.reset();
        }
      }
      pos = data;
    }
    byte[] head = packets.get(0);
    if (!new String(head, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("OpusHead")) {
      throw new IllegalArgumentException("not Ogg Opus");
    }
    int preSkip = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
    return new OggOpus(preSkip, packets.subList(2, packets.size()));
  }
}
