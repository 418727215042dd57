package se.vittne.capture.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpOnlyPortsTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void aRangeSendsStreamKToPortStartPlusK() {
    var target = new Signalling.RtpOnly(LOOPBACK, PortRange.parse("20000-20003", 1));

    assertThat(target.port(0)).isEqualTo(20000);
    assertThat(target.port(3)).isEqualTo(20003);
    assertThat(target.port(4)).isEqualTo(20000);
  }

  @Test
  void aListSendsStreamKToEntryKWrappingAround() {
    var target = Signalling.RtpOnly.toPorts(LOOPBACK, List.of(40010, 40002, 41234));

    assertThat(target.port(0)).isEqualTo(40010);
    assertThat(target.port(1)).isEqualTo(40002);
    assertThat(target.port(2)).isEqualTo(41234);
    assertThat(target.port(3)).isEqualTo(40010);
  }

  @Test
  void anEmptyListOrABadPortIsRefused() {
    assertThatThrownBy(() -> Signalling.RtpOnly.toPorts(LOOPBACK, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signalling.RtpOnly.toPorts(LOOPBACK, List.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
