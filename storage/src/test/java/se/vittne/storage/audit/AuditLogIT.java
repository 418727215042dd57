package se.vittne.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.TenantId;
import se.vittne.storage.testing.PostgresExtension;

class AuditLogIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());

  @Test
  void entriesRoundTripAndFormARecordingsHistoryInOrder() {
    AuditLog audit = new AuditLog(POSTGRES.dsl());
    UUID recording = UUID.randomUUID();
    UUID login = UUID.randomUUID();
    AuditEntry listened =
        AuditEntry.onRecording(
            NOW,
            Optional.of(login),
            "lisa@a.example",
            "RECORDING_LISTENED",
            recording,
            Map.of("seconds", 42));
    AuditEntry downloaded =
        AuditEntry.onRecording(
            NOW.plusSeconds(60),
            Optional.of(login),
            "lisa@a.example",
            "RECORDING_DOWNLOADED",
            recording,
            Map.of());

    long first = audit.append(a, listened);
    long second = audit.append(a, downloaded);

    assertThat(second).isGreaterThan(first);
    assertThat(audit.historyOf(a, recording))
        .extracting(AuditRecord::entry)
        .containsExactly(listened, downloaded);
    assertThat(audit.list(a, NOW, NOW.plusSeconds(61), 10))
        .extracting(AuditRecord::id)
        .containsExactly(second, first);
  }

  @Test
  void anotherTenantSeesNoneOfTheEntries() {
    AuditLog audit = new AuditLog(POSTGRES.dsl());
    UUID recording = UUID.randomUUID();
    audit.append(
        a,
        AuditEntry.onRecording(
            NOW, Optional.empty(), "x", "RECORDING_LISTENED", recording, Map.of()));

    assertThat(audit.historyOf(b, recording)).isEmpty();
    assertThat(audit.list(b, NOW.minusSeconds(1), NOW.plusSeconds(1), 10)).isEmpty();
    AuditEntry ofB =
        AuditEntry.onRecording(
            NOW, Optional.empty(), "y", "RECORDING_LISTENED", recording, Map.of());
    audit.append(b, ofB);
    assertThat(audit.historyOf(b, recording)).extracting(AuditRecord::entry).containsExactly(ofB);
    assertThat(audit.historyOf(a, recording))
        .extracting(r -> r.entry().actor())
        .containsExactly("x");
  }

  @Test
  void operatorEntriesBelongToNoTenant() {
    AuditLog audit = new AuditLog(POSTGRES.dsl());
    AuditEntry created =
        AuditEntry.onSubject(
            NOW,
            Optional.empty(),
            "ops@vittne.example",
            "TENANT_CREATED",
            "tenant",
            a.toString(),
            Map.of());

    long id = audit.appendOperator(created);

    assertThat(audit.list(a, NOW.minusSeconds(1), NOW.plusSeconds(1), 10))
        .extracting(AuditRecord::id)
        .doesNotContain(id);
    assertThat(POSTGRES.dsl().fetchValue("select tenant_id from audit_log where id = ?", id))
        .isNull();
  }
}
