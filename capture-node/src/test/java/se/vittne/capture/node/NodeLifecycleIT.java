package se.vittne.capture.node;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vittne.capture.node.CaptureNodeIT.awaitTrue;
import static se.vittne.storage.jooq.Tables.RECORDING;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.loadgen.CallOutcome;
import se.vittne.capture.loadgen.LoadGenerator;
import se.vittne.capture.loadgen.LoadResult;
import se.vittne.capture.loadgen.rtp.StreamFaults;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.demo.DemoCompany;
import se.vittne.storage.testing.PostgresExtension;

/** R-40 and R-44: draining on shutdown, and ending a recording whose media stopped. */
class NodeLifecycleIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @TempDir Path data;
  @TempDir Path storeRoot;

  @Test
  void aDrainingNodeRefusesNewCallsWith503AndArchivesTheRunningOne() throws Exception {
    TenantId tenant = DemoCompany.create(POSTGRES.dsl(), 5, "127.0.0.21/32");
    CaptureNode node = start(Duration.ofSeconds(60));
    LoadGenerator running =
        LoadGenerator.start(
            CaptureNodeIT.callsBuilder(node, "127.0.0.21", 1, "+4631999####", "201")
                .hold(Duration.ofSeconds(3))
                .build());
    awaitTrue(() -> node.activeSessions() == 1);

    CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
    awaitTrue(node::draining);
    LoadResult refused =
        LoadGenerator.run(
            CaptureNodeIT.calls(node, "127.0.0.21", 1, "+4631999####", "202"),
            Duration.ofSeconds(30));
    LoadResult finished = running.await(Duration.ofSeconds(30));
    closing.get();

    assertThat(refused.failures()).containsEntry("503", 1);
    assertThat(finished.callsCompleted()).isEqualTo(1);
    var row =
        POSTGRES
            .dsl()
            .selectFrom(RECORDING)
            .where(RECORDING.TENANT_ID.eq(tenant.value()))
            .fetchSingle();
    assertThat(row.getExtension()).isEqualTo("201");
  }

  @Test
  void endsARecordingWhoseMediaNeverComesAndArchivesWhatItHas() throws Exception {
    TenantId tenant = DemoCompany.create(POSTGRES.dsl(), 5, "127.0.0.22/32");
    try (CaptureNode node = start(Duration.ofSeconds(2))) {
      LoadResult result =
          LoadGenerator.run(
              CaptureNodeIT.callsBuilder(node, "127.0.0.22", 1, "+4631888####", "201")
                  .hold(Duration.ofSeconds(20))
                  .faults(new StreamFaults(100, 0, 0, 0))
                  .build(),
              Duration.ofSeconds(40));

      assertThat(result.calls())
          .extracting(CallOutcome::state)
          .containsExactly(CallOutcome.State.ENDED_BY_RECORDER);
      awaitTrue(
          () -> POSTGRES.dsl().fetchCount(RECORDING, RECORDING.TENANT_ID.eq(tenant.value())) == 1);
      var row =
          POSTGRES
              .dsl()
              .selectFrom(RECORDING)
              .where(RECORDING.TENANT_ID.eq(tenant.value()))
              .fetchSingle();
      assertThat(row.getDurationMs()).isBetween(1_500L, 6_000L);
      assertThat(row.getOneWayAudio()).isFalse();
    }
  }

  private CaptureNode start(Duration mediaTimeout) throws Exception {
    var database = POSTGRES.database();
    return NodeHarness.start(
        NodeHarness.config(data, 0, mediaTimeout),
        database.database(),
        database.config(),
        new FileSystemAudioStore(storeRoot));
  }
}
