package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpReaderTest {

  @Test
  void readsTheSenderReportsOfACompoundPacket() {
    byte[] sr = RtpPackets.senderReport(0xCAFEBABEL, RtpPackets.ntp(3_000_000_000L), 0xFFFFFFF0L);
    byte[] sdes = {(byte) 0x81, (byte) 202, 0, 1, 0, 0, 0, 1};
    byte[] compound = new byte[sr.length + sdes.length];
    System.arraycopy(sr, 0, compound, 0, sr.length);
    System.arraycopy(sdes, 0, compound, sr.length, sdes.length);

    List<long[]> reports = new ArrayList<>();
    RtcpReader.read(
        compound, 0, compound.length, (ssrc, ntp, rtp) -> reports.add(new long[] {ssrc, ntp, rtp}));
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0)[0]).isEqualTo(0xCAFEBABEL);
    assertThat(RtcpReader.ntpToNanos(reports.get(0)[1])).isBetween(2_999_999_999L, 3_000_000_001L);
    assertThat(reports.get(0)[2]).isEqualTo(0xFFFFFFF0L);
  }
}
