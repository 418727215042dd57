package se.vittne.capture.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G722DecoderTest {

  private static short[] decodeAll(byte[] g722, int packetBytes) {
    G722Decoder decoder = new G722Decoder();
    short[] pcm = new short[g722.length * 2];
    short[] frame = new short[AudioDecoder.MAX_FRAME_SAMPLES];
    int written = 0;
    for (int off = 0; off < g722.length; off += packetBytes) {
      int n = decoder.decode(g722, off, Math.min(packetBytes, g722.length - off), frame, 0);
      System.arraycopy(frame, 0, pcm, written, n);
      written += n;
    }
    assertThat(written).isEqualTo(pcm.length);
    return pcm;
  }

  @Test
  void matchesFfmpegReferenceSampleForSample() {
    byte[] g722 = Vectors.bytes("chirp16k.g722");
    short[] reference = Vectors.s16le("chirp16k.g722.s16le");
    short[] pcm = decodeAll(g722, 160);

    assertThat(pcm).hasSameSizeAs(reference);
    int diff = Vectors.maxAbsDiff(reference, pcm, 0, pcm.length);
    double snr = Vectors.snrDb(reference, pcm, 0, pcm.length);
    System.out.printf("G.722 vs ffmpeg: max |diff| %d, SNR %.1f dB%n", diff, snr);
    assertThat(diff).as("largest difference to ffmpeg's decoding").isLessThanOrEqualTo(2);
  }
}
