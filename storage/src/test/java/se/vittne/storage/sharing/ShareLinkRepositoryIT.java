package se.vittne.storage.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;
import se.vittne.storage.testing.Recordings;

class ShareLinkRepositoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private final UUID sharer = UUID.randomUUID();
  private ShareLinkRepository links;
  private NewRecording recording;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    recording = Recordings.recording("201", NOW.minusSeconds(3600));
    new RecordingRepository(POSTGRES.dsl()).insert(a, recording);
    links = new ShareLinkRepository(POSTGRES.dsl());
  }

  private ShareLinkRepository.Created share() {
    return links
        .create(
            a,
            recording.id(),
            sharer,
            "kund@example.com",
            Optional.of("Samtalet"),
            ShareLinkRepository.DEFAULT_VALIDITY,
            NOW)
        .orElseThrow();
  }

  @Test
  void aLinkPlaysItsRecordingFor24Hours() {
    var created = share();

    assertThat(links.resolve(created.token(), NOW.plus(Duration.ofHours(23))))
        .hasValueSatisfying(l -> {
          assertThat(l.recording()).isEqualTo(recording.id());
          assertThat(l.tenant()).isEqualTo(a);
          assertThat(l.status(NOW.plus(Duration.ofHours(23)))).isEqualTo(ShareLink.Status.VALID);
        });
    assertThat(
            links
                .resolve(created.token(), NOW.plus(Duration.ofHours(24)))
                .orElseThrow()
                .status(NOW.plus(Duration.ofHours(24))))
        .isEqualTo(ShareLink.Status.EXPIRED);
    assertThat(links.resolve("guessed", NOW)).isEmpty();
  }

  @Test
  void aRevokedLinkSaysSo() {
    var created = share();

    assertThat(links.revoke(a, created.link().id(), NOW.plusSeconds(5))).isTrue();
    assertThat(links.revoke(a, created.link().id(), NOW.plusSeconds(6))).isFalse();
    assertThat(
            links
                .resolve(created.token(), NOW.plusSeconds(10))
                .orElseThrow()
                .status(NOW.plusSeconds(10)))
        .isEqualTo(ShareLink.Status.REVOKED);
    assertThat(links.forRecording(a, recording.id()))
        .singleElement()
        .satisfies(l -> assertThat(l.revokedAt()).isPresent());
  }

  @Test
  void anotherTenantCanNeitherShareSeeNorRevokeTheRecordingsLinks() {
    var created = share();

    assertThat(
            links.create(
                b,
                recording.id(),
                sharer,
                "x@example.com",
                Optional.empty(),
                Duration.ofHours(1),
                NOW))
        .isEmpty();
    assertThat(links.find(b, created.link().id())).isEmpty();
    assertThat(links.forRecording(b, recording.id())).isEmpty();
    assertThat(links.revoke(b, created.link().id(), NOW)).isFalse();
    assertThat(links.find(a, created.link().id())).contains(created.link());
  }
}
