package se.vittne.capture.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.vittne.capture.node.CaptureNodeIT.awaitTrue;
import static se.vittne.storage.jooq.Tables.RECORDING;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.vittne.capture.media.WavFile;
import se.vittne.capture.sip.it.Sipp;
import se.vittne.policy.TenantId;
import se.vittne.storage.audio.ByteRange;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audio.Sha256;
import se.vittne.storage.audio.StoreKey;
import se.vittne.storage.demo.DemoCompany;
import se.vittne.storage.testing.PostgresExtension;

/**
 * A SIPREC call placed by SIPp, the SBC's side, against a complete capture node: the customer's
 * side streamed as a 440 Hz tone by SIPp's RTP player, the agent's side silent. The recording is
 * archived with the tone on the customer's channel, silence on the agent's, and flagged one-way.
 */
class SippRecordedCallIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @TempDir Path data;
  @TempDir Path storeRoot;

  @BeforeEach
  void requireSipp() {
    Sipp.assumeInstalled();
  }

  @Test
  void recordsTheCallSippPlaces() throws Exception {
    TenantId tenant = DemoCompany.create(POSTGRES.dsl(), 5, "127.0.0.1/32");
    FileSystemAudioStore store = new FileSystemAudioStore(storeRoot);
    try (CaptureNode node =
        NodeHarness.start(
            NodeHarness.config(data, 0),
            POSTGRES.database().database(),
            POSTGRES.database().config(),
            store)) {
      Sipp.scenario("siprec-recorded-call.xml")
          .resource("tone-440-alaw.wav")
          .options("-mp", Integer.toString(freeEvenPort()))
          .timeout(Duration.ofSeconds(40))
          .run(InetAddress.getLoopbackAddress(), node.sipPort())
          .assertSuccess();

      awaitTrue(
          () -> POSTGRES.dsl().fetchCount(RECORDING, RECORDING.TENANT_ID.eq(tenant.value())) == 1);
      var row =
          POSTGRES
              .dsl()
              .selectFrom(RECORDING)
              .where(RECORDING.TENANT_ID.eq(tenant.value()))
              .fetchSingle();
      assertThat(row.getExtension()).isEqualTo("201");
      assertThat(row.getRemoteNumber()).isEqualTo("+46701234567");
      assertThat(row.getDirection()).isEqualTo("INCOMING");
      assertThat(row.getRule()).isEqualTo("DEPARTMENT_POLICY");
      assertThat(row.getCodecs()).contains("PCMA");
      assertThat(row.getOneWayAudio()).isTrue();
      Path wav = data.resolve("archived.wav");
      try (InputStream in = store.get(new StoreKey(row.getStoreKey()), ByteRange.ALL)) {
        Files.copy(in, wav, StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(Sha256.ofFile(wav)).isEqualTo(row.getSha256());
      WavFile audio = WavFile.read(wav);
      assertThat(audio.channels).isEqualTo(2);
      assertThat(audio.seconds()).isBetween(5.5, 9.0);
      double middle = audio.seconds() / 2;
      assertThat(audio.dominantHz(0, middle - 1, middle + 1)).isCloseTo(440, within(15.0));
      assertThat(audio.rms(1, middle - 1, middle + 1)).isLessThan(10);
    }
  }

  private static int freeEvenPort() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (DatagramSocket socket = new DatagramSocket(0)) {
        port = socket.getLocalPort() & ~1;
      }
      try (DatagramSocket rtp = new DatagramSocket(port);
          DatagramSocket rtcp = new DatagramSocket(port + 1)) {
        return port;
      } catch (java.net.SocketException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free even UDP port");
  }
}
