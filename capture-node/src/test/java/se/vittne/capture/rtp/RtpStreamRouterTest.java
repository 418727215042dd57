package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RtpStreamRouterTest {
  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50000);

  /** A hand-off with a fixed pool of batches, as a writer has. */
  private static final class PoolSink implements BatchSink {
    final ArrayDeque<PacketBatch> free = new ArrayDeque<>();
    final List<PacketBatch> submitted = new ArrayList<>();

    PoolSink(int batches) {
      for (int i = 0; i < batches; i++) {
        free.add(new PacketBatch());
      }
    }

    @Override
    public PacketBatch acquire() {
      return free.poll();
    }

    @Override
    public void submit(PacketBatch batch) {
      submitted.add(batch);
    }
  }

  /** Records what a stream's writer side receives. */
  private static final class Recorder implements PacketConsumer {
    final List<byte[]> rtp = new ArrayList<>();
    final List<byte[]> rtcp = new ArrayList<>();
    final List<Long> arrivals = new ArrayList<>();

    @Override
    public void rtp(byte[] data, int offset, int length, long arrivalNanos) {
      rtp.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
      arrivals.add(arrivalNanos);
    }

    @Override
    public void rtcp(byte[] data, int offset, int length, long arrivalNanos) {
      rtcp.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
    }
  }

  private ReceiveMetrics metrics;
  private PoolSink sink;
  private PacketBatcher batcher;
  private Recorder recorder;
  private StreamGate gate;
  private EmbeddedChannel channel;

  @BeforeEach
  void setUp() {
    metrics = new ReceiveMetrics(new SimpleMeterRegistry());
    sink = new PoolSink(2);
    batcher = new PacketBatcher(List.of(sink));
    recorder = new Recorder();
    gate = new StreamGate(new StreamGate.Activity(0));
    channel = channelFor(false);
  }

  private EmbeddedChannel channelFor(boolean rtcpOnly) {
    EmbeddedChannel ch =
        new EmbeddedChannel(new RtpPacketFilter(metrics), new RtpStreamRouter(metrics));
    StreamPort port = new StreamPort(gate, recorder, 0, rtcpOnly);
    port.batcher = batcher;
    ch.attr(StreamPort.KEY).set(port);
    return ch;
  }

  @AfterEach
  void tearDown() {
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  private ByteBuf write(EmbeddedChannel ch, byte[] bytes) {
    ByteBuf buf = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    ch.writeInbound(new DatagramPacket(buf, LOCAL, REMOTE));
    return buf;
  }

  private void deliverAll() {
    batcher.flush();
    for (PacketBatch b : sink.submitted) {
      b.deliver();
    }
    sink.submitted.clear();
  }

  @Test
  void copiesPacketsIntoTheBatchAndReleasesEveryBuffer() {
    byte[] first = RtpPackets.rtp(0, true, 1, 0, 7, new byte[160]);
    byte[] second = RtpPackets.rtp(0, false, 2, 160, 7, new byte[160]);
    ByteBuf a = write(channel, first);
    ByteBuf b = write(channel, second);

    assertThat(a.refCnt()).isZero();
    assertThat(b.refCnt()).isZero();
    assertThat(sink.submitted)
        .as("nothing handed over before the batch is full or flushed")
        .isEmpty();
    deliverAll();
    assertThat(recorder.rtp).containsExactly(first, second);
    assertThat(recorder.arrivals.get(1)).isGreaterThanOrEqualTo(recorder.arrivals.get(0));
    assertThat(gate.activity().lastNanos()).isEqualTo(recorder.arrivals.get(1));
    assertThat(metrics.packets(false)).isEqualTo(2);
  }

  @Test
  void handsOverAFullBatchWithoutWaitingForTheTimer() {
    for (int i = 0; i < PacketBatch.MAX_PACKETS; i++) {
      write(channel, RtpPackets.rtp(0, false, i, 160L * i, 7, new byte[160]));
    }
    assertThat(sink.submitted).hasSize(1);
    assertThat(sink.submitted.get(0).size()).isEqualTo(PacketBatch.MAX_PACKETS);
  }

  @Test
  void dropsAndCountsWhenEveryBatchIsInFlight() {
    int capacity = 2 * PacketBatch.MAX_PACKETS;
    for (int i = 0; i < capacity + 5; i++) {
      write(channel, RtpPackets.rtp(0, false, i, 160L * i, 7, new byte[160]));
    }
    assertThat(metrics.dropped(Drop.HANDOFF_FULL)).isEqualTo(5);
    assertThat(metrics.packets(false)).isEqualTo(capacity);
  }

  @Test
  void routesRtcpOnTheRtpPortAsRtcp() {
    byte[] sr = RtpPackets.senderReport(7, RtpPackets.ntp(5_000_000_000L), 800);
    write(channel, sr);
    deliverAll();
    assertThat(recorder.rtcp).containsExactly(sr);
    assertThat(recorder.rtp).isEmpty();
  }

  @Test
  void dropsRtpOnAnRtcpOnlyPort() {
    EmbeddedChannel rtcpPort = channelFor(true);
    ByteBuf buf = write(rtcpPort, RtpPackets.rtp(0, false, 1, 0, 7, new byte[160]));
    assertThat(buf.refCnt()).isZero();
    assertThat(metrics.dropped(Drop.RTP_ON_RTCP_PORT)).isEqualTo(1);
    assertThat(rtcpPort.finishAndReleaseAll()).isFalse();
  }

  @Test
  void dropsRtpOfAPausedStreamButKeepsItsRtcp() {
    gate.paused(true);
    write(channel, RtpPackets.rtp(0, false, 1, 0, 7, new byte[160]));
    write(channel, RtpPackets.senderReport(7, 1, 2));
    deliverAll();
    assertThat(metrics.dropped(Drop.PAUSED)).isEqualTo(1);
    assertThat(recorder.rtp).isEmpty();
    assertThat(recorder.rtcp).hasSize(1);
  }

  @Test
  void dropsEverythingOfAClosedStream() {
    gate.close();
    ByteBuf buf = write(channel, RtpPackets.rtp(0, false, 1, 0, 7, new byte[160]));
    assertThat(buf.refCnt()).isZero();
    assertThat(metrics.dropped(Drop.CLOSED)).isEqualTo(1);
  }

  @Test
  void dropsPacketsOfAPortWithoutStream() {
    EmbeddedChannel bare =
        new EmbeddedChannel(new RtpPacketFilter(metrics), new RtpStreamRouter(metrics));
    ByteBuf buf = write(bare, RtpPackets.rtp(0, false, 1, 0, 7, new byte[160]));
    assertThat(buf.refCnt()).isZero();
    assertThat(metrics.dropped(Drop.NO_STREAM)).isEqualTo(1);
    assertThat(bare.finishAndReleaseAll()).isFalse();
  }
}
