package se.vittne.capture.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortAllocatorTest {

  @Test
  void handsOutEvenPortsOfPairsUntilExhausted() {
    PortAllocator ports = new PortAllocator(20001, 20008);
    assertThat(ports.capacity()).isEqualTo(3);
    assertThat(ports.allocate()).isEqualTo(20002);
    assertThat(ports.allocate()).isEqualTo(20004);
    assertThat(ports.allocate()).isEqualTo(20006);
    assertThat(ports.allocate()).isEqualTo(-1);
    assertThat(ports.inUse()).isEqualTo(3);
  }

  @Test
  void reusesAReleasedPairLast() {
    PortAllocator ports = new PortAllocator(20000, 20007);
    int a = ports.allocate();
    ports.allocate();
    ports.release(a);
    assertThat(ports.allocate()).isEqualTo(20004);
    assertThat(ports.allocate()).isEqualTo(20006);
    assertThat(ports.allocate()).isEqualTo(a);
  }

  @Test
  void releasingAFreePairChangesNothing() {
    PortAllocator ports = new PortAllocator(20000, 20003);
    ports.release(20000);
    assertThat(ports.inUse()).isZero();
    ports.allocate();
    ports.release(20000);
    ports.release(20000);
    assertThat(ports.inUse()).isZero();
  }

  @Test
  void rejectsPrivilegedOrEmptyRanges() {
    assertThatThrownBy(() -> new PortAllocator(80, 2000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PortAllocator(30000, 30000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
