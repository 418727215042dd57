package se.vittne.capture.loadgen.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import se.vittne.capture.loadgen.audio.AudioSource;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.capture.loadgen.audio.PayloadLoop;

class RtpPacerTest {
  private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 40000);
  private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 40002);

  private final RecordingSink sink = new RecordingSink();
  private final List<RtpStream> finished = new ArrayList<>();
  private final RtpPacer pacer = new RtpPacer(sink, finished::add);

  @Test
  void sendsExactlyOnePacketPerStreamPerTickFromItsStartTick() throws Exception {
    RtpStream first = stream(Codec.PCMU, A, 1234, 10, 50, StreamFaults.NONE, 0);
    RtpStream second = stream(Codec.PCMU, B, 5678, 12, 50, StreamFaults.NONE, 1);
    pacer.add(first);
    pacer.add(second);

    for (long tick = 0; tick < 100; tick++) {
      pacer.tick(tick);
    }

    assertThat(packetsTo(A)).hasSize(50);
    assertThat(packetsTo(B)).hasSize(50);
    assertThat(pacer.packets()).isEqualTo(100);
    assertThat(pacer.bytes()).isEqualTo(100 * (12 + 160));
    assertThat(finished).containsExactlyInAnyOrder(first, second);
    assertThat(pacer.activeStreams()).isZero();
    assertThat(packetsTo(A).get(0).flushesBefore()).isEqualTo(10);
    assertThat(packetsTo(B).get(0).flushesBefore()).isEqualTo(12);
  }

  @Test
  void sequenceNumbersAndTimestampsAdvancePerFrameWithMarkerOnlyOnTheFirst() throws Exception {
    pacer.add(stream(Codec.G722, A, 0xCAFEBABEL, 0, 200, StreamFaults.NONE, 7));
    for (long tick = 0; tick < 200; tick++) {
      pacer.tick(tick);
    }

    List<RecordingSink.Sent> packets = packetsTo(A);
    assertThat(packets).hasSize(200);
    for (int i = 1; i < packets.size(); i++) {
      assertThat(packets.get(i).sequence()).isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
      assertThat(packets.get(i).timestamp())
          .isEqualTo((packets.get(i - 1).timestamp() + 160) & 0xFFFF_FFFFL); // G.722: 8 kHz clock
      assertThat(packets.get(i).marker()).isFalse();
    }
    assertThat(packets.get(0).marker()).isTrue();
    assertThat(packets).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(0xCAFEBABEL));
    assertThat(packets).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(9));
    assertThat(packets).allSatisfy(p -> assertThat(p.bytes()[0] & 0xFF).isEqualTo(0x80));
  }

  @Test
  void opusTimestampsAdvanceByNineHundredSixtyPerFrame() throws Exception {
    pacer.add(stream(Codec.OPUS, A, 1, 0, 10, StreamFaults.NONE, 0));
    for (long tick = 0; tick < 10; tick++) {
      pacer.tick(tick);
    }
    List<RecordingSink.Sent> packets = packetsTo(A);
    assertThat(packets.get(9).timestamp() - packets.get(0).timestamp() & 0xFFFF_FFFFL)
        .isEqualTo(9 * 960L);
  }

  @Test
  void aLateTickSendsEveryFrameThatFellDueInOneFlush() throws Exception {
    pacer.add(stream(Codec.PCMA, A, 1, 0, 30, StreamFaults.NONE, 0));
    pacer.tick(0);
    int sent = pacer.tick(9); // ticks 1-8 never ran

    assertThat(sent).isEqualTo(9);
    assertThat(sink.flushes).isEqualTo(2);
    for (long tick = 10; tick < 40; tick++) {
      pacer.tick(tick);
    }
    assertThat(packetsTo(A)).hasSize(30);
  }

  @Test
  void aStoppedStreamSendsNothingMoreAndFinishes() throws Exception {
    RtpStream stream = stream(Codec.PCMU, A, 1, 0, 1000, StreamFaults.NONE, 0);
    pacer.add(stream);
    for (long tick = 0; tick < 5; tick++) {
      pacer.tick(tick);
    }
    stream.stop();
    pacer.tick(5);

    assertThat(packetsTo(A)).hasSize(5);
    assertThat(finished).containsExactly(stream);
  }

  @Test
  void lossWithholdsPacketsButKeepsTheirSequenceNumbers() throws Exception {
    RtpStream stream = stream(Codec.PCMU, A, 1, 0, 1000, new StreamFaults(10, 0, 0, 0), 0);
    pacer.add(stream);
    for (long tick = 0; tick < 1000; tick++) {
      pacer.tick(tick);
    }

    List<RecordingSink.Sent> packets = packetsTo(A);
    assertThat(stream.counters().lost()).isBetween(50L, 150L);
    assertThat(packets).hasSize(1000 - (int) stream.counters().lost());
    int first = packets.get(0).sequence();
    int last = packets.get(packets.size() - 1).sequence();
    int span = (last - first) & 0xFFFF;
    assertThat(span).isGreaterThanOrEqualTo(packets.size() - 1); // gaps where packets were lost
  }

  @Test
  void duplicatesAndReorderingChangeTheOrderNotTheContent() throws Exception {
    RtpStream stream = stream(Codec.PCMU, A, 1, 0, 500, new StreamFaults(0, 5, 5, 0), 3);
    pacer.add(stream);
    for (long tick = 0; tick < 600; tick++) {
      pacer.tick(tick);
    }

    List<RecordingSink.Sent> packets = packetsTo(A);
    assertThat(packets).hasSize(500 + (int) stream.counters().duplicated());
    assertThat(stream.counters().duplicated()).isPositive();
    assertThat(stream.counters().reordered()).isPositive();
    assertThat(packets.stream().map(RecordingSink.Sent::sequence).distinct().count())
        .isEqualTo(500);
    long outOfOrder = 0;
    for (int i = 1; i < packets.size(); i++) {
      if (((packets.get(i).sequence() - packets.get(i - 1).sequence()) & 0xFFFF) > 0x8000) {
        outOfOrder++;
      }
    }
    assertThat(outOfOrder).isEqualTo(stream.counters().reordered());
  }

  @Test
  void anSsrcChangeStartsANewSourceWithAMarker() throws Exception {
    RtpStream stream = stream(Codec.PCMU, A, 42, 0, 100, new StreamFaults(0, 0, 0, 60), 0);
    pacer.add(stream);
    for (long tick = 0; tick < 100; tick++) {
      pacer.tick(tick);
    }

    List<RecordingSink.Sent> packets = packetsTo(A);
    assertThat(packets.subList(0, 60)).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(42));
    assertThat(packets.subList(60, 100)).allSatisfy(p -> assertThat(p.ssrc()).isNotEqualTo(42));
    assertThat(packets.get(60).marker()).isTrue();
    assertThat(packets.stream().filter(RecordingSink.Sent::marker)).hasSize(2);
  }

  private List<RecordingSink.Sent> packetsTo(InetSocketAddress destination) {
    return sink.sent.stream().filter(p -> p.recipient().equals(destination)).toList();
  }

  private static RtpStream stream(
      Codec codec,
      InetSocketAddress destination,
      long ssrc,
      long startTick,
      long frames,
      StreamFaults faults,
      long seed)
      throws Exception {
    PayloadLoop loop =
        PayloadLoop.encode(codec, AudioSource.DEFAULT_TONES.pcm(0, codec.sampleRate()));
    StreamPlan plan =
        new StreamPlan(
            "1", destination, codec.payloadType(), loop, ssrc, startTick, frames, 0, faults, 440);
    return new RtpStream(plan, new SplittableRandom(seed));
  }
}
