package se.vittne.capture.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.rtp.Drop;
import se.vittne.capture.rtp.RtpPackets;

/** The alignment logic on a test clock: each fault alone, its effect on the file and figures. */
class SessionRecorderTest {
  @TempDir Path spool;

  private static final double TONE = 8000;

  @Test
  void twoCleanLegsMakeAStereoFileAsLongAsTheSessionWithOneToneEach() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    AudioSource b = AudioSource.pcma(1500, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    StreamRecorder right = h.stream("b", 1, b.formats());
    h.leg(left, a, 0x1111, 100, 5000, 40, 150);
    h.leg(right, b, 0x2222, 60000, 90000, 45, 150);

    MediaResult r = h.finishAt(3100);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(r.channels()).isEqualTo(2);
    assertThat(r.sampleRate()).isEqualTo(8000);
    assertThat(r.duration()).isEqualTo(Duration.ofMillis(3100));
    assertThat(wav.seconds()).isCloseTo(3.1, within(0.001));
    assertThat(r.codecs()).containsExactly("PCMU", "PCMA");
    assertThat(wav.dominantHz(0, 0.5, 2.5)).isCloseTo(600, within(5.0));
    assertThat(wav.dominantHz(1, 0.5, 2.5)).isCloseTo(1500, within(5.0));
    assertThat(wav.onset(0, 0, 1000)).isCloseTo(0.040, within(0.005));
    assertThat(wav.onset(1, 0, 1000)).isCloseTo(0.045, within(0.005));
    assertThat(wav.rms(0, 3.05, 3.1)).isZero();
    ChannelQuality q0 = r.quality().get(0);
    assertThat(q0.packets()).isEqualTo(150);
    assertThat(q0.lost()).isZero();
    assertThat(q0.duplicates()).isZero();
    assertThat(q0.late()).isZero();
    assertThat(q0.jitterMillis()).isCloseTo(0, within(0.01));
    // 3.0 s of 3.1 s received
    assertThat(q0.silenceShare()).isCloseTo(0.1 / 3.1, within(0.002));
  }

  @Test
  void aByeHandledLateEndsTheFileWhenTheByeArrived() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 0x1111, 100, 5000, 40, 150);

    // the BYE arrived at 3.1 s, the node got to it at 4.5 s: by then audio up to ~4 s was written
    MediaResult r = h.finishAt(3100, 4500);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(r.duration()).isEqualTo(Duration.ofMillis(3100));
    assertThat(wav.seconds()).isCloseTo(3.1, within(0.001));
    assertThat(wav.dominantHz(0, 0.5, 2.5)).isCloseTo(600, within(5.0));
    assertThat(r.quality().get(0).packets()).isEqualTo(150);
  }

  @Test
  void aDelayedFirstPacketDoesNotShiftTheStream() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    AudioSource b = AudioSource.pcmu(1500, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    StreamRecorder right = h.stream("b", 1, b.formats());
    // both sent from 100 ms; a's first three packets are held up 60 ms on the way
    for (int i = 0; i < 100; i++) {
      double sent = 100 + 20.0 * i;
      h.at(
          sent + (i < 3 ? 60 - 20 * i : 0),
          left,
          RtpPackets.rtp(0, false, i, 160L * i, 1, a.next()));
      h.at(sent, right, RtpPackets.rtp(0, false, i, 160L * i, 2, b.next()));
    }
    MediaResult r = h.finishAt(2200);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.onset(0, 0, 1000)).isCloseTo(0.100, within(0.001));
    assertThat(wav.onset(1, 0, 1000)).isCloseTo(0.100, within(0.001));
    for (double t = 0.1; t < 2.1; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
    }
    assertThat(r.quality().get(0).lost()).isZero();
  }

  @Test
  void aStartHeldUpForAQuarterSecondIsMovedIntoPlace() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    // sent from 1.0 s on; the first 12 packets reach the writer together at 1.23 s (a stalled
    // host), when the frames before 1.0 s are already written
    for (int i = 0; i < 100; i++) {
      double sent = 1000 + 20.0 * i;
      h.at(Math.max(sent, 1230), left, RtpPackets.rtp(0, false, i, 160L * i, 1, a.next()));
    }
    MediaResult r = h.finishAt(3200);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.onset(0, 0, 1000)).isCloseTo(1.000, within(0.001));
    assertThat(wav.rms(0, 1.0, 3.0)).isCloseTo(TONE / Math.sqrt(2), within(100.0));
  }

  @Test
  void lostPacketsBecomeSilenceExactlyWhereTheyWere() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    for (int i = 0; i < 100; i++) {
      byte[] p = RtpPackets.rtp(0, false, i, 160L * i, 7, a.next());
      if (i != 30 && i != 31 && i != 60) {
        h.at(20 + 20.0 * i, left, p);
      }
    }
    MediaResult r = h.finishAt(2100);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.rms(0, 0.020 + 0.600, 0.020 + 0.640)).isZero();
    assertThat(wav.rms(0, 0.020 + 1.200, 0.020 + 1.220)).isZero();
    assertThat(wav.rms(0, 0.020 + 0.580, 0.020 + 0.600)).isGreaterThan(4000);
    assertThat(wav.rms(0, 0.020 + 0.640, 0.020 + 0.660)).isGreaterThan(4000);
    assertThat(r.quality().get(0).lost()).isEqualTo(3);
    assertThat(r.quality().get(0).packets()).isEqualTo(97);
  }

  @Test
  void reorderedPacketsWithinTheWindowLeaveNoGap() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    for (int i = 0; i < 100; i++) {
      byte[] p = RtpPackets.rtp(0, false, i, 160L * i, 7, a.next());
      // every tenth packet overtaken by the next two, arriving 45 ms late
      h.at(20 + 20.0 * i + (i % 10 == 5 ? 45 : 0), left, p);
    }
    MediaResult r = h.finishAt(2100);
    WavFile wav = WavFile.read(r.wavFile());

    for (double t = 0.03; t < 2.0; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
    }
    ChannelQuality q = r.quality().get(0);
    assertThat(q.lost()).isZero();
    assertThat(q.late()).isZero();
    assertThat(q.packets()).isEqualTo(100);
    assertThat(q.jitterMillis()).isPositive();
  }

  @Test
  void aPacketLaterThanItsAudioIsWrittenIsDroppedAsLate() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    for (int i = 0; i < 100; i++) {
      byte[] p = RtpPackets.rtp(0, false, i, 160L * i, 7, a.next());
      h.at(20 + 20.0 * i + (i == 20 ? 1000 : 0), left, p);
    }
    MediaResult r = h.finishAt(2100);

    ChannelQuality q = r.quality().get(0);
    assertThat(q.late()).isEqualTo(1);
    assertThat(q.lost()).isZero();
    assertThat(q.packets()).isEqualTo(99);
    assertThat(h.dropped(Drop.LATE)).isEqualTo(1);
    WavFile wav = WavFile.read(r.wavFile());
    assertThat(wav.rms(0, 0.020 + 0.400, 0.020 + 0.420)).isZero();
  }

  @Test
  void duplicatesAreCountedAndNotMixedTwice() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    for (int i = 0; i < 100; i++) {
      byte[] p = RtpPackets.rtp(0, false, i, 160L * i, 7, a.next());
      h.at(20 + 20.0 * i, left, p);
      if (i % 4 == 0) {
        h.at(25 + 20.0 * i, left, p);
      }
    }
    MediaResult r = h.finishAt(2100);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(r.quality().get(0).duplicates()).isEqualTo(25);
    assertThat(r.quality().get(0).packets()).isEqualTo(100);
    // a doubled packet would show 2x the tone's RMS in its 20 ms
    for (double t = 0.02; t < 2.0; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).isLessThan(TONE / Math.sqrt(2) * 1.1);
    }
  }

  @Test
  void aLegStartingLateIsSilentUntilItStarts() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    AudioSource b = AudioSource.pcmu(1500, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    StreamRecorder right = h.stream("b", 1, b.formats());
    h.leg(left, a, 1, 0, 0, 0, 200);
    h.leg(right, b, 2, 0, 0, 2000, 100);
    MediaResult r = h.finishAt(4000);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.rms(1, 0, 1.99)).isZero();
    assertThat(wav.onset(1, 0, 1000)).isCloseTo(2.0, within(0.005));
    assertThat(wav.dominantHz(1, 2.1, 3.9)).isCloseTo(1500, within(5.0));
    assertThat(r.quality().get(1).silenceShare()).isCloseTo(0.5, within(0.002));
  }

  @Test
  void anSsrcChangeContinuesOnTheTimelineAndAddsUpTheFigures() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 0xAAAA, 1000, 1_000_000, 0, 50);
    // the SBC switches source: new SSRC, new sequence and timestamp bases
    h.leg(left, a, 0xBBBB, 40000, 3_000_000_000L, 1000, 50);
    MediaResult r = h.finishAt(2000);
    WavFile wav = WavFile.read(r.wavFile());

    for (double t = 0.0; t < 1.99; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
    }
    assertThat(r.quality().get(0).packets()).isEqualTo(100);
    assertThat(r.quality().get(0).lost()).isZero();
  }

  @Test
  void strayPacketsOfOtherSourcesCannotTakeTheStreamOver() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 0x1234, 0, 0, 0, 100);
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20; i++) {
      // valid headers, the stream's payload type, random SSRC, sequence and timestamp
      byte[] noise = new byte[160];
      random.nextBytes(noise);
      h.at(
          700 + 3 * i,
          left,
          RtpPackets.rtp(
              0, false, random.nextInt(65536), random.nextInt(), random.nextInt(), noise));
    }
    MediaResult r = h.finishAt(2000);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(h.dropped(Drop.UNCONFIRMED_SOURCE)).isEqualTo(19);
    assertThat(wav.dominantHz(0, 0.0, 2.0)).isCloseTo(600, within(5.0));
    assertThat(r.quality().get(0).packets()).isEqualTo(100);
    assertThat(r.quality().get(0).lost()).isZero();
  }

  @Test
  void timestampAndSequenceWrapAroundAreSeamless() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 9, 65500, 0xFFFFFFFFL - 160 * 40, 0, 100);
    MediaResult r = h.finishAt(2000);
    WavFile wav = WavFile.read(r.wavFile());

    for (double t = 0.0; t < 1.99; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
    }
    assertThat(r.quality().get(0).lost()).isZero();
  }

  @Test
  void aTimestampJumpInSequenceIsReanchoredToArrival() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 9, 100, 1000, 0, 50);
    h.leg(left, a, 9, 150, 1000 + 50 * 160 + 8000 * 30, 1000, 50);
    MediaResult r = h.finishAt(2000);
    WavFile wav = WavFile.read(r.wavFile());

    for (double t = 0.0; t < 1.99; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
    }
  }

  @Test
  void burstsAfterSenderStallsKeepTheirPlaceAndTheStreamStaysInTime() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    // 8 s of packets; three times the sender stalls for 300 ms and then sends what was due at
    // once (a loaded SRC or path): the packets are late, their timestamps are right
    for (int i = 0; i < 400; i++) {
      double due = 20.0 * i;
      double arrival = due;
      for (int stall : new int[] {100, 200, 300}) {
        if (i >= stall && i < stall + 15) {
          arrival = 20.0 * (stall + 15);
        }
      }
      h.at(
          arrival,
          left,
          RtpPackets.rtp(a.payloadType(), i == 0, 100 + i, 5000 + 160L * i, 0x77, a.next()));
    }
    MediaResult r = h.finishAt(8000);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.seconds()).isCloseTo(8.0, within(0.001));
    // the stalled audio itself may come too late to be written; everything else is in its place
    for (double t = 0.0; t < 7.99; t += 0.02) {
      boolean stalled = (t >= 1.98 && t < 2.3) || (t >= 3.98 && t < 4.3) || (t >= 5.98 && t < 6.3);
      if (!stalled) {
        assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
      }
    }
  }

  @Test
  void aHostThatFallsBehindAndCatchesUpAgainAndAgainDoesNotPushTheStreamAheadOfTime()
      throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    // 30 s of packets sent on time; the receiving host is overloaded: eight times its delay
    // grows over 1.6 s to 480 ms and then it catches up at once; the last 6 s are on time
    int cycle = 125;
    for (int i = 0; i < 1500; i++) {
      double due = 20.0 * i;
      double arrival = due;
      if (i < 8 * cycle) {
        int inCycle = i % cycle;
        int slowest = 80;
        double caughtUp = 20.0 * (i - inCycle + slowest) + 15.0 * slowest;
        arrival = inCycle <= slowest ? due + 15.0 * inCycle : Math.max(due, caughtUp);
      }
      h.at(
          arrival,
          left,
          RtpPackets.rtp(a.payloadType(), i == 0, 100 + i, 5000 + 160L * i, 0x77, a.next()));
    }
    MediaResult r = h.finishAt(30000);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.seconds()).isCloseTo(30.0, within(0.001));
    // what came later than the jitter window is lost; once the host keeps up, all is in place
    for (double t = 24.5; t < 29.99; t += 0.02) {
      assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
    }
    assertThat(wav.onset(0, 0, 1000)).isCloseTo(0.0, within(0.005));
  }

  @Test
  void aStreamPushedAheadOfTimeByTheHostsBacklogComesBackInTime() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    // 20 s of packets sent on time; at 5 s the receiving host stalls for 2.5 s and then drains
    // its backlog at four times real time: long enough behind to count as a frozen clock, so the
    // stream is re-anchored late, and the rest of the backlog then runs ahead of real time
    for (int i = 0; i < 1000; i++) {
      double due = 20.0 * i;
      double arrival = due;
      if (due >= 5000) {
        arrival = Math.max(due, 7500 + 5.0 * (i - 250));
      }
      h.at(
          arrival,
          left,
          RtpPackets.rtp(a.payloadType(), i == 0, 100 + i, 5000 + 160L * i, 0x77, a.next()));
    }
    MediaResult r = h.finishAt(20000);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.seconds()).isCloseTo(20.0, within(0.001));
    for (double t = 0.0; t < 19.99; t += 0.02) {
      boolean stalled = t >= 4.98 && t < 10.5;
      if (!stalled) {
        assertThat(wav.rms(0, t, t + 0.02)).as("audio at %.2f s", t).isGreaterThan(4000);
      }
    }
    assertThat(h.dropped(Drop.AHEAD)).isZero();
  }

  @Test
  void holdPausesTheChannelAndResumeContinuesWhateverTheTimestamps() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 5, 0, 0, 0, 50); // 0-1 s
    h.atTime(1000, () -> left.paused(true));
    h.leg(left, a, 5, 50, 50 * 160, 1000, 25); // sent on hold anyway: dropped
    h.atTime(2000, () -> left.paused(false));
    // resumed with the timestamp frozen over the hold: re-anchored
    h.leg(left, a, 5, 75, 75 * 160, 2000, 50);
    MediaResult r = h.finishAt(3000);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.rms(0, 0.0, 0.99)).isGreaterThan(4000);
    assertThat(wav.rms(0, 1.0, 2.0)).isZero();
    assertThat(wav.onset(0, 1.5, 1000)).isCloseTo(2.0, within(0.005));
    assertThat(h.dropped(Drop.PAUSED)).isEqualTo(25);
    ChannelQuality q = r.quality().get(0);
    assertThat(q.packets()).isEqualTo(100);
    assertThat(q.lost()).as("packets dropped on hold are not lost").isZero();
    assertThat(q.silenceShare()).isCloseTo(1.0 / 3, within(0.002));
  }

  @Test
  void telephoneEventsKeepTheirTimingAndTheDigitOnlyWhenAllowed() throws Exception {
    for (boolean keep : new boolean[] {true, false}) {
      RecorderHarness h = new RecorderHarness(spool, 2, 8000, keep);
      AudioSource a = AudioSource.pcmu(600, TONE);
      StreamRecorder left = h.stream("a", 0, a.formats());
      h.leg(left, a, 5, 0, 0, 0, 25); // 0 - 0.5 s
      // a 100 ms key press: two updates, then the end with the final duration, sent three times
      int[] durations = {160, 320, 800, 800, 800};
      for (int i = 0; i < 5; i++) {
        byte[] e = RtpPackets.telephoneEvent(7, i >= 2, 10, durations[i]);
        h.at(500 + 20 * i, left, RtpPackets.rtp(101, i == 0, 25 + i, 25 * 160, 5, e));
      }
      h.leg(left, a, 5, 30, 30 * 160, 600, 20);
      MediaResult r = h.finishAt(1000);

      assertThat(r.dtmf()).hasSize(1);
      DtmfEvent e = r.dtmf().get(0);
      assertThat(e.channel()).isZero();
      assertThat(e.offset()).isEqualTo(Duration.ofMillis(500));
      assertThat(e.duration()).isEqualTo(Duration.ofMillis(100));
      assertThat(e.digit())
          .isEqualTo(keep ? java.util.Optional.of('7') : java.util.Optional.empty());
      WavFile wav = WavFile.read(r.wavFile());
      assertThat(wav.rms(0, 0.5, 0.6)).as("events are not audio").isZero();
    }
  }

  @Test
  void comfortNoiseIsSilence() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    List<PayloadFormat> formats =
        List.of(
            new PayloadFormat(0, "PCMU", 8000, 1, ""), new PayloadFormat(13, "CN", 8000, 1, ""));
    StreamRecorder left = h.stream("a", 0, formats);
    h.leg(left, a, 5, 0, 0, 0, 25);
    h.at(500, left, RtpPackets.rtp(13, false, 25, 25 * 160, 5, new byte[] {40}));
    // DTX: nothing for 400 ms, then speech resumes with the timestamp of its time
    h.leg(left, a, 5, 26, 50 * 160, 1000, 25);
    MediaResult r = h.finishAt(1500);
    WavFile wav = WavFile.read(r.wavFile());

    assertThat(wav.rms(0, 0.5, 1.0)).isZero();
    assertThat(wav.rms(0, 1.0, 1.5)).isGreaterThan(4000);
    assertThat(r.quality().get(0).lost()).isZero();
  }

  @Test
  void unknownPayloadTypesAreDroppedAndCounted() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 2, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder left = h.stream("a", 0, a.formats());
    h.leg(left, a, 5, 0, 0, 0, 10);
    h.at(300, left, RtpPackets.rtp(96, false, 10, 1600, 5, new byte[50]));
    MediaResult r = h.finishAt(400);
    assertThat(h.dropped(Drop.UNKNOWN_PAYLOAD_TYPE)).isEqualTo(1);
    assertThat(r.quality().get(0).packets()).isEqualTo(10);
  }

  @Test
  void aMonoSessionMixesItsStreamIntoOneChannel() throws Exception {
    RecorderHarness h = new RecorderHarness(spool, 1, 8000, false);
    AudioSource a = AudioSource.pcmu(600, TONE);
    StreamRecorder only = h.stream("mixed", 1, a.formats());
    h.leg(only, a, 5, 0, 0, 0, 50);
    MediaResult r = h.finishAt(1000);
    WavFile wav = WavFile.read(r.wavFile());
    assertThat(wav.channels).isEqualTo(1);
    assertThat(wav.dominantHz(0, 0.1, 0.9)).isCloseTo(600, within(5.0));
    assertThat(r.quality()).hasSize(1);
  }
}
