package se.vittne.capture.node;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vittne.capture.node.CaptureNodeIT.awaitTrue;
import static se.vittne.storage.jooq.Tables.RECORDING;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.loadgen.LoadGenerator;
import se.vittne.capture.loadgen.LoadResult;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;
import se.vittne.storage.db.EmbeddedPostgresServer;
import se.vittne.storage.demo.DemoCompany;

/**
 * R-62: the database goes away in the middle of a call and comes back; the recording waits in the
 * outbox meanwhile and is archived once the database returns.
 */
class DatabaseOutageIT {
  @TempDir Path data;
  @TempDir Path storeRoot;
  @TempDir Path pgData;

  @Test
  void archivesARecordingFinishedWhileTheDatabaseWasDownOnceItReturns() throws Exception {
    int port = freePort();
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(pgData, port);
    server.createDatabase("vittne", null);
    DatabaseConfig config = server.config("vittne", 4);
    try (Database database = Database.connect(config)) {
      database.migrate();
      TenantId tenant = DemoCompany.create(database.dsl(), 5, "127.0.0.1/32");
      try (CaptureNode node =
          NodeHarness.start(
              NodeHarness.config(data, 0), database, config, new FileSystemAudioStore(storeRoot))) {
        LoadGenerator call =
            LoadGenerator.start(CaptureNodeIT.calls(node, "127.0.0.1", 1, "+4631777####", "201"));
        awaitTrue(() -> node.activeSessions() == 1);
        Thread.sleep(1_000);
        server.close();

        LoadResult result = call.await(Duration.ofSeconds(60));
        assertThat(result.callsCompleted()).isEqualTo(1);
        awaitTrue(() -> node.outboxDepth() == 1);
        Thread.sleep(2_000);
        assertThat(node.outboxDepth()).as("still waiting while the database is down").isEqualTo(1);

        server = EmbeddedPostgresServer.startPersistent(pgData, port);
        awaitTrue(() -> node.outboxDepth() == 0);
        var row =
            database
                .dsl()
                .selectFrom(RECORDING)
                .where(RECORDING.TENANT_ID.eq(tenant.value()))
                .fetchSingle();
        assertThat(row.getExtension()).isEqualTo("201");
        // the session: 4 s of media plus set-up and hang-up on a loaded machine
        assertThat(row.getDurationMs()).isBetween(3_800L, 7_000L);
        assertThat(CaptureNodeIT.filesUnder(storeRoot)).hasSize(1);
      }
    } finally {
      server.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
