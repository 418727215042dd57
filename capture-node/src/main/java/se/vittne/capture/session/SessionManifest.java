package se.vittne.capture.session;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import se.vittne.policy.TenantId;
import se.vittne.storage.recording.CallInfo;

/**
 * What the session layer knows of a session that the media spool does not: the tenant and the
 * parties with their decisions. Kept beside the spool while the call runs, so that a node restarted
 * after a crash can archive the recovered audio correctly.
 *
 * @param tenant the tenant
 * @param sessionId the recording session's id (names the spool files)
 * @param callId the SIP Call-ID
 * @param start when the session started
 * @param timeZone the tenant's time zone, for the expiry date
 * @param retentionDays the tenant's retention, for the expiry date
 * @param parties the decision for each party
 */
public record SessionManifest(
    TenantId tenant,
    String sessionId,
    String callId,
    Instant start,
    ZoneId timeZone,
    int retentionDays,
    List<PartyOutcome> parties) {
  public SessionManifest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(timeZone, "timeZone");
    parties = List.copyOf(parties);
  }

  public boolean anyRecorded() {
    return parties.stream().anyMatch(PartyOutcome::recorded);
  }

  /**
   * This manifest with each party's call starting at the first sample of the audio, so that a
   * recording's start and duration describe its file exactly.
   */
  public SessionManifest withAudioStart(Instant audioStart) {
    return withParties(
        parties.stream()
            .map(p ->
                new PartyOutcome(
                    new CallInfo(
                        p.call().callId(),
                        p.call().sessionId(),
                        p.call().direction(),
                        p.call().remoteNumber(),
                        p.call().ddi(),
                        p.call().answerGroup(),
                        audioStart),
                    p.user(),
                    p.policy(),
                    p.refusal()))
            .toList());
  }

  public SessionManifest withParties(List<PartyOutcome> changed) {
    return new SessionManifest(tenant, sessionId, callId, start, timeZone, retentionDays, changed);
  }
}
