package se.vittne.capture.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceGuardTest {
  @TempDir Path spool;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void admitsNewSessionsWhileTheReserveIsFree() {
    DiskSpaceGuard guard = new DiskSpaceGuard(spool, 1024, registry);

    assertThat(guard.admitsNewSessions()).isTrue();
    assertThat(guard.check().healthy()).isTrue();
    assertThat(registry.get("vittne.spool.usable.bytes").gauge().value()).isGreaterThan(1024);
  }

  @Test
  void refusesNewSessionsWhenLessThanTheReserveIsFree() {
    DiskSpaceGuard guard = new DiskSpaceGuard(spool, Long.MAX_VALUE, registry);

    assertThat(guard.admitsNewSessions()).isFalse();
    assertThat(guard.check())
        .satisfies(status -> {
          assertThat(status.healthy()).isFalse();
          assertThat(status.name()).isEqualTo("spool-disk");
          assertThat(status.detail()).contains("reserve " + Long.MAX_VALUE);
        });
  }

  @Test
  void refusesWhenTheSpoolCannotBeRead() {
    DiskSpaceGuard guard = new DiskSpaceGuard(spool.resolve("missing"), 0, registry);

    assertThat(guard.admitsNewSessions()).isFalse();
  }
}
