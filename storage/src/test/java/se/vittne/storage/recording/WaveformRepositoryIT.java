package se.vittne.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

class WaveformRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final Waveform waveform =
      new Waveform(2, 3, new byte[] {0, 127, (byte) 255, 10, 20, 30}, Duration.ofSeconds(120));
  private WaveformRepository waveforms;
  private NewRecording recording;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    recording = Recordings.recording("201", NOW);
    new RecordingRepository(POSTGRES.dsl()).insert(a, recording);
    waveforms = new WaveformRepository(POSTGRES.dsl());
  }

  @Test
  void peaksAreKeptAndReadBackAsUnsignedValues() {
    assertThat(waveforms.find(a, recording.id())).isEmpty();

    assertThat(waveforms.save(a, recording.id(), waveform, NOW)).isTrue();

    Waveform read = waveforms.find(a, recording.id()).orElseThrow();
    assertThat(read).isEqualTo(waveform);
    assertThat(read.peak(0, 2)).isEqualTo(255);
    assertThat(read.peak(1, 1)).isEqualTo(20);
  }

  @Test
  void theFirstPeaksKeptWin() {
    waveforms.save(a, recording.id(), waveform, NOW);
    Waveform other = new Waveform(1, 1, new byte[] {1}, Duration.ofSeconds(1));

    assertThat(waveforms.save(a, recording.id(), other, NOW)).isTrue();

    assertThat(waveforms.find(a, recording.id())).contains(waveform);
  }

  @Test
  void anotherTenantNeitherReadsNorWritesTheRecordingsPeaks() {
    waveforms.save(a, recording.id(), waveform, NOW);

    assertThat(waveforms.find(b, recording.id())).isEmpty();
    assertThat(waveforms.save(b, UUID.randomUUID(), waveform, NOW)).isFalse();
    assertThat(waveforms.save(b, recording.id(), waveform, NOW)).isFalse();
    assertThat(waveforms.find(a, recording.id())).contains(waveform);
  }

  @Test
  void thePeaksGoWithTheRecording() {
    waveforms.save(a, recording.id(), waveform, NOW);

    POSTGRES
        .dsl()
        .deleteFrom(se.vittne.storage.jooq.Tables.RECORDING)
        .where(se.vittne.storage.jooq.Tables.RECORDING.ID.eq(recording.id()))
        .execute();

    assertThat(waveforms.find(a, recording.id())).isEmpty();
  }
}
