package se.vittne.capture.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OpusAudioDecoderTest {

  private static final OggOpus VECTOR = OggOpus.parse(Vectors.bytes("chirp48k.opus"));

  private static short[] decodeAll(OpusAudioDecoder decoder, int dropEvery) {
    short[] pcm = new short[VECTOR.audioPackets.size() * (decoder.sampleRate() / 50)];
    short[] frame = new short[AudioDecoder.MAX_FRAME_SAMPLES];
    int written = 0;
    int index = 0;
    for (byte[] packet : VECTOR.audioPackets) {
      index++;
      int n =
          dropEvery > 0 && index % dropEvery == 0
              ? decoder.conceal(decoder.sampleRate() / 50, frame, 0)
              : decoder.decode(packet, 0, packet.length, frame, 0);
      assertThat(n).isEqualTo(decoder.sampleRate() / 50);
      System.arraycopy(frame, 0, pcm, written, n);
      written += n;
    }
    return pcm;
  }

  @Test
  void matchesFfmpegLibopusReferenceAt48kHz() {
    short[] reference = Vectors.s16le("chirp48k.opus.s16le");
    short[] decoded = decodeAll(new OpusAudioDecoder(48000), 0);
    int skip = VECTOR.preSkip;
    int n = Math.min(reference.length, decoded.length - skip);
    short[] aligned = new short[n];
    System.arraycopy(decoded, skip, aligned, 0, n);

    double snr = Vectors.snrDb(reference, aligned, 0, n);
    int diff = Vectors.maxAbsDiff(reference, aligned, 0, n);
    System.out.printf(
        "Opus vs ffmpeg/libopus: max |diff| %d, SNR %.1f dB over %d samples%n", diff, snr, n);
    assertThat(n).isGreaterThanOrEqualTo(47000);
    assertThat(snr).as("signal to difference ratio against libopus, dB").isGreaterThan(40);
  }

  @Test
  void decodesHybridModePacketsAt16kHzWithTheirLevel() {
    // the vector is Hybrid mode (SILK + CELT), which Concentus alone decodes as silence below 48
    // kHz
    short[] reference = Vectors.s16le("chirp48k.opus.s16le");
    short[] decoded = decodeAll(new OpusAudioDecoder(16000), 0);
    // up to 0.8 s the sweep stays below 6.5 kHz, inside the 16 kHz pass band
    double expected = Spectrum.rms(reference, 4800, 33600);
    assertThat(Spectrum.rms(decoded, 1600, 11200)).isCloseTo(expected, within(expected * 0.05));
  }

  @Test
  void decodesSilkPacketsDirectlyAndSwitchesTo48kHzAtTheFirstHybridOne() throws Exception {
    // a SILK wide-band stream (a SIP phone) then the Hybrid vector (a browser), on one decoder
    var encoder =
        new io.github.jaredmdobson.concentus.OpusEncoder(
            16000, 1, io.github.jaredmdobson.concentus.OpusApplication.OPUS_APPLICATION_VOIP);
    encoder.setBitrate(24000);
    OpusAudioDecoder decoder = new OpusAudioDecoder(16000);
    short[] tone = Spectrum.tone(1000, 8000, 16000, 16000);
    short[] pcm = new short[16000 + VECTOR.audioPackets.size() * 320];
    short[] frame = new short[AudioDecoder.MAX_FRAME_SAMPLES];
    byte[] packet = new byte[1500];
    int written = 0;
    for (int f = 0; f < 50; f++) {
      int len = encoder.encode(tone, 320 * f, 320, packet, 0, packet.length);
      assertThat(OpusAudioDecoder.hybrid(packet[0])).isFalse();
      int n = decoder.decode(packet, 0, len, frame, 0);
      System.arraycopy(frame, 0, pcm, written, n);
      written += n;
    }
    assertThat(decoder.fullRate()).as("SILK decodes at 16 kHz directly").isFalse();
    assertThat(decoder.delay()).isZero();
    assertThat(Spectrum.of(pcm, 3200, 8192, 16000).dominantHz()).isCloseTo(1000, within(5.0));
    for (byte[] p : VECTOR.audioPackets) {
      int n = decoder.decode(p, 0, p.length, frame, 0);
      System.arraycopy(frame, 0, pcm, written, n);
      written += n;
    }
    assertThat(decoder.fullRate()).isTrue();
    assertThat(Spectrum.rms(pcm, 16000 + 1600, 11200)).isGreaterThan(3000);
  }

  @Test
  void concealsLostPacketsWithAudioNotSilence() {
    OpusAudioDecoder decoder = new OpusAudioDecoder(16000);
    short[] pcm = decodeAll(decoder, 10);
    // packet 10 (index 9) was lost: samples 9*320 .. 10*320 come from the concealment
    double energy = 0;
    for (int i = 9 * 320; i < 10 * 320; i++) {
      energy += (double) pcm[i] * pcm[i];
    }
    double rms = Math.sqrt(energy / 320);
    System.out.printf("Opus PLC frame RMS %.0f%n", rms);
    assertThat(rms).as("RMS of the concealed frame").isGreaterThan(500);
  }
}
