package se.vittne.capture.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.vittne.storage.jooq.Tables.RECORDING;
import static se.vittne.storage.jooq.Tables.UNRECORDED_CALL;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.loadgen.LoadGenConfig;
import se.vittne.capture.loadgen.LoadGenerator;
import se.vittne.capture.loadgen.LoadResult;
import se.vittne.capture.loadgen.audio.AudioSource;
import se.vittne.capture.loadgen.audio.Codec;
import se.vittne.capture.media.WavFile;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.ByteRange;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audio.Sha256;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.demo.DemoCompany;
import se.vittne.storage.jooq.tables.records.RecordingRecord;
import se.vittne.storage.testing.PostgresExtension;

/**
 * A capture node with its real database, store, SIP stack and RTP engine, fed SIPREC calls with
 * real RTP by the load generator: recorded calls end up archived with correct audio and hash,
 * excluded calls leave only their "not recorded" row, and the licence cap is held.
 */
class CaptureNodeIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @TempDir Path data;
  @TempDir Path storeRoot;

  @Test
  void archivesRecordedCallsWithTheirAudioAndKeepsNoAudioOfExcludedCalls() throws Exception {
    TenantId tenant = DemoCompany.create(POSTGRES.dsl(), 5, "127.0.0.11/32");
    FileSystemAudioStore store = new FileSystemAudioStore(storeRoot);
    try (CaptureNode node = start(store)) {
      LoadGenerator toSales =
          LoadGenerator.start(calls(node, "127.0.0.11", 2, "+4631555####", "201"));
      LoadGenerator excluded =
          LoadGenerator.start(calls(node, "127.0.0.11", 1, DemoCompany.EXCLUDED_NUMBER, "202"));
      LoadResult sales = toSales.await(Duration.ofSeconds(60));
      LoadResult family = excluded.await(Duration.ofSeconds(60));
      assertThat(sales.callsCompleted()).isEqualTo(2);
      assertThat(family.callsCompleted()).isEqualTo(1);

      awaitTrue(() -> recordings(tenant).size() == 2 && unrecorded(tenant) == 1);

      for (RecordingRecord row : recordings(tenant)) {
        assertThat(row.getExtension()).isEqualTo("201");
        assertThat(row.getDirection()).isEqualTo("INCOMING");
        assertThat(row.getRemoteNumber()).startsWith("+4631555");
        assertThat(row.getRule()).isEqualTo("DEPARTMENT_POLICY");
        assertThat(row.getChannels()).isEqualTo((short) 2);
        assertThat(row.getSampleRate()).isEqualTo(8000);
        assertThat(row.getRecovered()).isFalse();
        Path wav = Files.createTempFile(data, "archived", ".wav");
        try (InputStream in = store.get(new StoreKey(row.getStoreKey()), ByteRange.ALL)) {
          Files.copy(in, wav, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Sha256.ofFile(wav)).isEqualTo(row.getSha256());
        assertThat(Files.size(wav)).isEqualTo(row.getSizeBytes());
        WavFile audio = WavFile.read(wav);
        assertThat(audio.channels).isEqualTo(2);
        // the session lasts the 4 s of media plus set-up and hang-up
        assertThat(audio.seconds()).isBetween(3.8, 7.0);
        assertThat(audio.seconds() * 1000).isCloseTo(row.getDurationMs(), within(25.0));
        double middle = audio.seconds() / 2;
        assertThat(
                List.of(
                    audio.dominantHz(0, middle - 0.5, middle + 0.5),
                    audio.dominantHz(1, middle - 0.5, middle + 0.5)))
            .satisfiesExactlyInAnyOrder(
                hz -> assertThat(hz).isCloseTo(440, within(15.0)),
                hz -> assertThat(hz).isCloseTo(1000, within(15.0)));
      }
      var notRecorded =
          POSTGRES
              .dsl()
              .selectFrom(UNRECORDED_CALL)
              .where(UNRECORDED_CALL.TENANT_ID.eq(tenant.value()))
              .fetchSingle();
      assertThat(notRecorded.getExtension()).isEqualTo("202");
      assertThat(notRecorded.getRule()).isEqualTo("EXCLUDED_NUMBER");
      assertThat(notRecorded.getExplanationEn()).contains("+46709999999");
      assertThat(storedObjects()).hasSize(2);
      assertThat(filesUnder(data.resolve("spool"))).isEmpty();
      assertThat(node.outboxDepth()).isZero();
    }
  }

  @Test
  void refusesARecordingBeyondTheTenantsLicencesWithItsReason() throws Exception {
    TenantId tenant = DemoCompany.create(POSTGRES.dsl(), 1, "127.0.0.12/32");
    try (CaptureNode node = start(new FileSystemAudioStore(storeRoot))) {
      LoadResult result =
          LoadGenerator.run(
              calls(node, "127.0.0.12", 2, "+4631666####", "201"), Duration.ofSeconds(60));
      assertThat(result.callsCompleted()).isEqualTo(2);

      awaitTrue(() -> recordings(tenant).size() == 1 && unrecorded(tenant) == 1);

      var refused =
          POSTGRES
              .dsl()
              .selectFrom(UNRECORDED_CALL)
              .where(UNRECORDED_CALL.TENANT_ID.eq(tenant.value()))
              .fetchSingle();
      assertThat(refused.getRefusal()).isEqualTo("LICENCE_LIMIT");
      assertThat(refused.getRule()).isEqualTo("DEPARTMENT_POLICY");
      assertThat(storedObjects()).hasSize(1);
    }
  }

  private CaptureNode start(FileSystemAudioStore store) throws Exception {
    var database = POSTGRES.database();
    return NodeHarness.start(
        NodeHarness.config(data, 0), database.database(), database.config(), store);
  }

  static LoadGenConfig calls(
      CaptureNode node, String from, int calls, String caller, String callee) {
    return callsBuilder(node, from, calls, caller, callee).build();
  }

  static LoadGenConfig.Builder callsBuilder(
      CaptureNode node, String from, int calls, String caller, String callee) {
    return LoadGenConfig.builder()
        .target(new InetSocketAddress("127.0.0.1", node.sipPort()))
        .localAddress(address(from))
        .calls(calls)
        .rate(20)
        .hold(Duration.ofSeconds(4))
        .codec(Codec.PCMA)
        .audio(new AudioSource.Tones(List.of(440, 1000), 0.3))
        .callerPattern(caller)
        .calleePattern(callee)
        .domain("pbx.example");
  }

  static java.net.InetAddress address(String literal) {
    try {
      return java.net.InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  private static List<RecordingRecord> recordings(TenantId tenant) {
    return POSTGRES
        .dsl()
        .selectFrom(RECORDING)
        .where(RECORDING.TENANT_ID.eq(tenant.value()))
        .fetch();
  }

  private static int unrecorded(TenantId tenant) {
    return POSTGRES.dsl().fetchCount(UNRECORDED_CALL, UNRECORDED_CALL.TENANT_ID.eq(tenant.value()));
  }

  private List<Path> storedObjects() throws Exception {
    return filesUnder(storeRoot).stream().filter(p -> p.toString().endsWith(".wav")).toList();
  }

  static List<Path> filesUnder(Path root) throws Exception {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(100);
    }
  }
}
