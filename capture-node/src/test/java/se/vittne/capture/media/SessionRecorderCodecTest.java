package se.vittne.capture.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.codec.Spectrum;
import se.vittne.capture.rtp.RtpPackets;

/** Wide-band recordings, Opus loss and reordering, timing from RTCP and drift, on a test clock. */
class SessionRecorderCodecTest {
  @TempDir Path spool;

  @Test
  void g722AndPcmuLegsMakeA16kHzFileWithEachToneInPlace() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 16000, false);
    AudioSource wide = AudioSource.g722Tone5k();
    AudioSource narrow = AudioSource.pcmu(600, 8000);
    StreamRecorder left = h.stream("a", 0, wide.formats());
    StreamRecorder right = h.stream("b", 1, narrow.formats());
    h.leg(left, wide, 1, 0, 0, 20, 100);
    h.leg(right, narrow, 2, 0, 0, 20, 100);
    MediaResult r = h.finishAt(2100);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.rate).isEqualTo(16000);
    assertThat(r.duration().toMillis()).isEqualTo(2100);
    assertThat(wav.dominantHz(0, 0.2, 1.9)).isCloseTo(5000, within(5.0));
    assertThat(wav.dominantHz(1, 0.2, 1.9)).isCloseTo(600, within(5.0));
    // the 8 -> 16 kHz upsampling leaves no image of 600 Hz at 7.4 kHz
    Spectrum s = Spectrum.of(wav.samples[1], 3200, 16384, 16000);
    assertThat(10 * Math.log10(s.powerNear(7400, 30) / s.powerNear(600, 30))).isLessThan(-50);
    // both legs start together despite the resampler's delay
    assertThat(wav.onset(1, 0, 500)).isCloseTo(0.020, within(0.002));
    assertThat(wav.onset(0, 0, 500)).isCloseTo(0.020, within(0.002));
  }

  @Test
  void aG722LegInANarrowBandFileIsFilteredNotAliased() throws Exception {
    // a G.722 stream added to an 8 kHz recording: its 5 kHz tone must vanish, not fold to 3 kHz
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource wide = AudioSource.g722Tone5k();
    StreamRecorder left = h.stream("a", 0, wide.formats());
    h.leg(left, wide, 1, 0, 0, 0, 50);
    MediaResult r = h.finishAt(1000);
    WavFile wav = WavFile.read(r.wavFile());
    // what is left is the G.722 signal's own content below 4 kHz (its sub-band quantisation
    // noise, -38 dB in ffmpeg's decoding too), not the tone folded to 3 kHz
    short[] wideBand = new short[32000];
    byte[] g722 = AudioSource.class.getResourceAsStream("/codec/tone5k.g722").readAllBytes();
    se.vittne.capture.codec.G722Decoder decoder = new se.vittne.capture.codec.G722Decoder();
    for (int off = 0; off < 16000; off += 160) {
      decoder.decode(g722, off, 160, wideBand, 2 * off);
    }
    Spectrum full = Spectrum.of(wideBand, 1600, 16384, 16000);
    double belowNyquist =
        Spectrum.rms(wideBand, 1600, 16384) * Math.sqrt(full.powerBetween(0, 3800) / full.total());
    assertThat(belowNyquist).isLessThan(200);
    assertThat(wav.rms(0, 0.1, 0.9)).isLessThan(1.2 * belowNyquist);
  }

  @Test
  void opusLossIsConcealedAndReorderingRepaired() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 16000, false);
    AudioSource opus = AudioSource.opus(111, 1000, 8000);
    StreamRecorder left = h.stream("a", 0, opus.formats());
    for (int i = 0; i < 100; i++) {
      byte[] p = RtpPackets.rtp(111, false, i, 960L * i, 3, opus.next());
      if (i == 30) {
        continue; // lost
      }
      h.at(20 + 20.0 * i + (i == 60 ? 50 : 0), left, p); // 60 overtaken by 61 and 62
    }
    MediaResult r = h.finishAt(2100);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(r.codecs()).containsExactly("opus");
    assertThat(wav.dominantHz(0, 0.2, 1.9)).isCloseTo(1000, within(5.0));
    // the lost packet's 20 ms is concealed, not silent
    assertThat(wav.rms(0, 0.020 + 0.600, 0.020 + 0.620)).isGreaterThan(1000);
    for (double t = 0.1; t < 2.0; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(1000);
    }
    ChannelQuality q = r.quality().get(0);
    assertThat(q.lost()).isEqualTo(1);
    assertThat(q.late()).isZero();
    assertThat(q.packets()).isEqualTo(99);
    // not received: 20 ms before the first packet, the concealed 20 ms, 80 ms after the last
    assertThat(q.silenceShare()).isCloseTo(0.12 / 2.1, within(0.002));
  }

  @Test
  void senderReportsAlignALegWhosePathIsSlower() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, 8000);
    AudioSource b = AudioSource.pcmu(1500, 8000);
    StreamRecorder left = h.stream("a", 0, a.formats());
    StreamRecorder right = h.stream("b", 1, b.formats());
    long ntpBase = 3_900_000_000_000_000_000L;
    // both legs sent by one client from sender time 100 ms; b's packets take 80 ms longer
    byte[] silence = new byte[160];
    java.util.Arrays.fill(silence, (byte) 0xFF);
    for (int i = 0; i < 150; i++) {
      double sent = 100 + 20.0 * i;
      h.at(sent, left, RtpPackets.rtp(0, false, i, 160L * i, 0xA, a.next()));
      byte[] bp = sent < 1500 ? silence : b.next();
      h.at(sent + 80, right, RtpPackets.rtp(0, false, i, 160L * i, 0xB, bp));
    }
    for (double sent = 300; sent < 3000; sent += 1000) {
      long ts = Math.round((sent - 100) * 8);
      long ntp = RtpPackets.ntp(ntpBase + Math.round(sent * 1e6));
      h.at(sent, left, RtpPackets.senderReport(0xA, ntp, ts));
      h.at(sent + 80, right, RtpPackets.senderReport(0xB, ntp, ts));
    }
    MediaResult r = h.finishAt(3200);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.onset(0, 0, 1000)).isCloseTo(0.100, within(0.002));
    // where it was sent, not where it arrived (1.580 s)
    assertThat(wav.onset(1, 0, 1000)).isCloseTo(1.500, within(0.005));
  }

  @Test
  void aSenderClockDriftingFromOursIsKeptInLine() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, 8000);
    StreamRecorder left = h.stream("a", 0, a.formats());
    // the sender's clock is 0.1% slow: 160 samples take 20.02 ms of ours; 60 ms over 60 s
    int packets = 3000;
    for (int i = 0; i < packets; i++) {
      h.at(20 + 20.02 * i, left, RtpPackets.rtp(0, false, i, 160L * i, 1, a.next()));
    }
    MediaResult r = h.finishAt(60_200);
    WavFile wav = WavFile.read(r.wavFile());

    int last = wav.frames() - 1;
    while (Math.abs(wav.samples[0][last]) < 100) {
      last--;
    }
    double end = last / 8000.0;
    double lastArrivalEnd = (20 + 20.02 * (packets - 1) + 20) / 1000;
    assertThat(end).isCloseTo(lastArrivalEnd, within(0.025));
    assertThat(r.quality().get(0).lost()).isZero();
    assertThat(r.duration().toMillis()).isEqualTo(60_200);
  }
}
