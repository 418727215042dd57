package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One malformed input per test, on an EmbeddedChannel, under paranoid leak detection. */
class RtpPacketFilterTest {
  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50000);

  private ReceiveMetrics metrics;
  private EmbeddedChannel channel;

  @BeforeEach
  void setUp() {
    metrics = new ReceiveMetrics(new SimpleMeterRegistry());
    channel = new EmbeddedChannel(new RtpPacketFilter(metrics));
  }

  @AfterEach
  void tearDown() {
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  private static byte[] valid() {
    return RtpPackets.rtp(0, false, 1, 160, 0x1234, new byte[160]);
  }

  /** Writes the bytes as a datagram; returns the buffer so the test can check it was released. */
  private ByteBuf write(byte[] bytes) {
    ByteBuf buf = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    channel.writeInbound(new DatagramPacket(buf, LOCAL, REMOTE));
    return buf;
  }

  private void assertDropped(byte[] bytes, Drop reason) {
    ByteBuf buf = write(bytes);
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(buf.refCnt()).as("dropped datagram released").isZero();
    assertThat(metrics.dropped(reason)).isEqualTo(1);
  }

  @Test
  void passesValidRtpUntouchedAndUnreleased() {
    byte[] bytes = valid();
    ByteBuf buf = write(bytes);
    DatagramPacket out = channel.readInbound();
    assertThat(out.content()).isSameAs(buf);
    assertThat(out.content().readableBytes()).isEqualTo(bytes.length);
    assertThat(buf.refCnt()).isEqualTo(1);
    out.release();
  }

  @Test
  void passesValidRtcpSenderReport() {
    DatagramPacket out;
    write(RtpPackets.senderReport(0x1234, RtpPackets.ntp(1_000_000_000L), 160));
    out = channel.readInbound();
    assertThat(out).isNotNull();
    out.release();
  }

  @Test
  void dropsPacketWithVersionOne() {
    byte[] b = valid();
    b[0] = 0x40;
    assertDropped(b, Drop.BAD_VERSION);
  }

  @Test
  void dropsStunLikeForeignTraffic() {
    assertDropped(
        new byte[] {0x00, 0x01, 0x00, 0x00, 0x21, 0x12, (byte) 0xA4, 0x42}, Drop.BAD_VERSION);
  }

  @Test
  void dropsPacketShorterThanFixedHeader() {
    assertDropped(new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0}, Drop.TRUNCATED);
  }

  @Test
  void dropsEmptyDatagram() {
    assertDropped(new byte[0], Drop.TRUNCATED);
  }

  @Test
  void dropsPacketWhoseCsrcListRunsPastTheEnd() {
    byte[] b = RtpPackets.rtp(0, false, 1, 160, 0x1234, new byte[20]);
    b[0] = (byte) 0x8F; // 15 CSRCs = 60 bytes, only 20 follow
    assertDropped(b, Drop.BAD_CSRC);
  }

  @Test
  void dropsPacketWhoseExtensionHeaderIsCut() {
    byte[] b = RtpPackets.rtp(0, false, 1, 160, 0x1234, new byte[2]);
    b[0] = (byte) 0x90;
    assertDropped(b, Drop.BAD_EXTENSION);
  }

  @Test
  void dropsPacketWhoseExtensionLengthRunsPastTheEnd() {
    byte[] payload = new byte[8];
    payload[2] = 0x00;
    payload[3] = 0x10; // 16 words of extension, 4 bytes follow
    byte[] b = RtpPackets.rtp(0, false, 1, 160, 0x1234, payload);
    b[0] = (byte) 0x90;
    assertDropped(b, Drop.BAD_EXTENSION);
  }

  @Test
  void dropsPacketWithZeroPaddingCount() {
    byte[] b = valid();
    b[0] = (byte) 0xA0;
    b[b.length - 1] = 0;
    assertDropped(b, Drop.BAD_PADDING);
  }

  @Test
  void dropsPacketWithPaddingLargerThanPayload() {
    byte[] b = RtpPackets.rtp(0, false, 1, 160, 0x1234, new byte[4]);
    b[0] = (byte) 0xA0;
    b[b.length - 1] = 10;
    assertDropped(b, Drop.BAD_PADDING);
  }

  @Test
  void dropsRtpWithPayloadTypeReservedAgainstRtcpConfusion() {
    assertDropped(RtpPackets.rtp(72, false, 1, 160, 0x1234, new byte[10]), Drop.BAD_PAYLOAD_TYPE);
  }

  @Test
  void dropsRtcpWhoseLengthDisagreesWithTheDatagram() {
    byte[] sr = RtpPackets.senderReport(1, 2, 3);
    byte[] longer = java.util.Arrays.copyOf(sr, sr.length + 4);
    // a second header whose length (6 words) runs past the 4 bytes left
    longer[sr.length] = (byte) 0x80;
    longer[sr.length + 1] = (byte) 202;
    longer[sr.length + 3] = 5;
    assertDropped(longer, Drop.BAD_RTCP_LENGTH);
  }

  @Test
  void dropsRtcpCutShort() {
    byte[] sr = RtpPackets.senderReport(1, 2, 3);
    assertDropped(java.util.Arrays.copyOf(sr, 20), Drop.BAD_RTCP_LENGTH);
  }

  @Test
  void dropsRtcpCompoundWithNonRtcpSecondPacket() {
    byte[] sr = RtpPackets.senderReport(1, 2, 3);
    byte[] compound = java.util.Arrays.copyOf(sr, sr.length + 8);
    compound[sr.length] = (byte) 0x80;
    compound[sr.length + 1] = 100; // not an RTCP type
    compound[sr.length + 3] = 1;
    assertDropped(compound, Drop.BAD_RTCP_TYPE);
  }

  @Test
  void dropsRtcpWithPaddingBeforeTheLastPacket() {
    byte[] sr = RtpPackets.senderReport(1, 2, 3);
    byte[] compound = new byte[sr.length * 2];
    System.arraycopy(sr, 0, compound, 0, sr.length);
    System.arraycopy(sr, 0, compound, sr.length, sr.length);
    compound[0] = (byte) 0xA0;
    assertDropped(compound, Drop.BAD_RTCP_TYPE);
  }

  @Test
  void dropsRtcpOfWrongVersion() {
    byte[] sr = RtpPackets.senderReport(1, 2, 3);
    sr[0] = (byte) 0x40;
    assertDropped(sr, Drop.BAD_VERSION);
  }

  @Test
  void dropsABurstOfGarbageCountingEachPacket() {
    java.util.Random random = new java.util.Random(42);
    int dropped = 0;
    for (int i = 0; i < 200; i++) {
      byte[] garbage = new byte[random.nextInt(300)];
      random.nextBytes(garbage);
      ByteBuf buf = write(garbage);
      Object out = channel.readInbound();
      if (out == null) {
        assertThat(buf.refCnt()).isZero();
        dropped++;
      } else {
        ((DatagramPacket) out).release();
      }
    }
    long counted = 0;
    for (Drop d : Drop.values()) {
      counted += metrics.dropped(d);
    }
    assertThat(counted).isEqualTo(dropped);
    // random bytes are version 2 a quarter of the time; most of those fail another check
    assertThat(dropped).isGreaterThan(150);
  }
}
