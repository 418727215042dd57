package se.vittne.admin.recordings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.recordings.RecordingViews.ExpiryView;
import se.vittne.admin.recordings.RecordingViews.HistoryEntry;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.recording.Recording;
import se.vittne.storage.recording.RecordingRepository;

/** A recording's history and expiry date. */
public final class RecordingService {
  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Auditor auditor;
  private final Clock clock;

  public RecordingService(DSLContext dsl, RecordingAccess access, Auditor auditor, Clock clock) {
    this.dsl = dsl;
    this.access = access;
    this.auditor = auditor;
    this.clock = clock;
  }

  /** Who listened to, downloaded, shared, changed or erased the recording, oldest first. */
  public List<HistoryEntry> history(Principal p, UUID id) {
    access.find(p, id);
    return new AuditLog(dsl)
        .historyOf(p.tenantId(), id).stream()
            .map(r -> {
              Map<String, Object> details = new HashMap<>(r.entry().details());
              // the client's address stays in the audit log, for investigations, not on the page
              details.remove("address");
              return new HistoryEntry(
                  r.entry().at(), r.entry().actor(), r.entry().action(), details);
            })
            .toList();
  }

  /**
   * Moves the day the recording is erased. A day in the past or today would erase it at once,
   * without the confirmation a deletion needs, so the new day must be after today.
   */
  public ExpiryView changeExpiry(Principal p, ClientInfo client, UUID id, LocalDate expiresOn) {
    Recording recording = access.find(p, id);
    if (expiresOn == null) {
      throw ProblemException.Invalid.of("expiresOn", "required", "expiresOn is required.");
    }
    LocalDate today = LocalDate.now(clock.withZone(access.settings(p.tenantId()).timeZone()));
    if (!expiresOn.isAfter(today)) {
      throw ProblemException.Invalid.of(
          "expiresOn",
          "not-after-today",
          "expiresOn must be after today; to erase a recording now, delete it.");
    }
    dsl.transaction(c -> {
      var tx = DSL.using(c);
      if (!new RecordingRepository(tx).updateExpiry(p.tenantId(), id, expiresOn)) {
        throw RecordingAccess.notFound();
      }
      auditor
          .within(tx)
          .recordOnRecording(
              p,
              client,
              RecordingActions.EXPIRY_CHANGED,
              id,
              Map.of("from", recording.expiresOn().toString(), "to", expiresOn.toString()));
    });
    return new ExpiryView(id, expiresOn);
  }
}
