package se.vittne.admin.playback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.admin.access.Principal;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.recordings.RecordingAccess;
import se.vittne.admin.recordings.RecordingActions;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.storage.licence.LeaseKind;
import se.vittne.storage.licence.LeaseResult;
import se.vittne.storage.licence.LicenceLeases;
import se.vittne.storage.recording.Recording;

/**
 * Listening sessions (R-11): an open player holds one of the tenant's licences. Opening takes a
 * licence, or is refused with a clear reason when all are in use (counted by storage, logged and
 * counted here); the player renews it while it is open and returns it on close; a player that goes
 * away without closing loses it after {@link #TTL}.
 *
 * <p>Nothing is kept in memory: a session is the lease whose holder names the session, the login
 * and the recording, so any admin node can serve the player's next request, and one login cannot
 * renew or close another's session.
 */
public final class ListeningSessions {
  /** How long a licence is held without a renewal. */
  public static final Duration TTL = Duration.ofSeconds(90);

  /** How often a player renews: well within {@link #TTL}, so one lost request does no harm. */
  public static final Duration RENEW_EVERY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ListeningSessions.class);

  private final DSLContext dsl;
  private final RecordingAccess access;
  private final Auditor auditor;
  private final Clock clock;
  private final String node;
  private final Counter refused;

  public ListeningSessions(
      DSLContext dsl, RecordingAccess access, Auditor auditor, Clock clock, MeterRegistry metrics) {
    this.dsl = dsl;
    this.access = access;
    this.auditor = auditor;
    this.clock = clock;
    this.node = "admin@" + hostName();
    this.refused =
        Counter.builder("vittne.admin.listening.refused")
            .description("Players refused because all of the tenant's licences were in use")
            .register(metrics);
  }

  /**
   * An open player's licence.
   *
   * @param id the session's ID, for renewing, closing and the audio's URL
   * @param recording the recording it plays
   * @param expiresAt when the licence lapses unless renewed
   * @param renewAfterSeconds how often the player should renew
   * @param audio where the player gets the audio (HTTP range requests)
   */
  public record ListeningSession(
      UUID id, UUID recording, Instant expiresAt, long renewAfterSeconds, String audio) {}

  /** Opens a player: takes a licence and audits that the login listened. */
  public ListeningSession open(Principal p, ClientInfo client, UUID recordingId) {
    Recording recording = access.find(p, recordingId);
    UUID session = UUID.randomUUID();
    ListeningSession opened = lease(p, recording, session);
    auditor.recordOnRecording(
        p,
        client,
        RecordingActions.LISTENED,
        recording.id(),
        Map.of("session", session.toString()));
    return opened;
  }

  /**
   * Keeps the licence of an open player; takes it again if it lapsed while a licence is free.
   *
   * @throws ProblemException.Conflict when it lapsed and every licence is in use
   */
  public ListeningSession renew(Principal p, UUID recordingId, UUID session) {
    return lease(p, access.find(p, recordingId), session);
  }

  /** Returns the licence; closing a session that has ended already is not an error. */
  public void close(Principal p, UUID recordingId, UUID session) {
    access.find(p, recordingId);
    new LicenceLeases(dsl, clock).release(p.tenantId(), holder(p, recordingId, session));
  }

  /**
   * Checks, for a request of the player's audio, that the session holds its licence, and extends
   * it: a playing player keeps its licence even if a renewal was lost.
   *
   * @throws ProblemException.Conflict when the session has ended
   */
  public Recording requireOpen(Principal p, UUID recordingId, String sessionId) {
    Recording recording = access.find(p, recordingId);
    UUID session;
    try {
      session = UUID.fromString(sessionId == null ? "" : sessionId);
    } catch (IllegalArgumentException e) {
      throw new ProblemException.BadRequest(
          "The audio needs session, the ID of an open listening session.");
    }
    if (!new LicenceLeases(dsl, clock).renew(p.tenantId(), holder(p, recordingId, session), TTL)) {
      throw new ProblemException.Conflict(
          "listening-session-ended",
          "Listening session ended",
          "This player's listening session has ended; open the recording again.");
    }
    return recording;
  }

  private ListeningSession lease(Principal p, Recording recording, UUID session) {
    LeaseResult result =
        new LicenceLeases(dsl, clock)
            .acquire(
                p.tenantId(), holder(p, recording.id(), session), LeaseKind.LISTENING, node, TTL);
    return switch (result) {
      case LeaseResult.Granted granted ->
          new ListeningSession(
              session,
              recording.id(),
              granted.lease().expiresAt(),
              RENEW_EVERY.toSeconds(),
              "/api/v1/recordings/" + recording.id() + "/audio?session=" + session);
      case LeaseResult.Refused refusal -> {
        refused.increment();
        LOG.info(
            "listening refused for tenant {} ({} of {} licences in use): {}",
            p.tenantId(),
            refusal.inUse(),
            refusal.licenceCount(),
            refusal.reason());
        throw new ProblemException.Conflict(
            "no-free-licence",
            "No free licence",
            "All "
                + refusal.licenceCount()
                + " of your organisation's licences are in use by recordings and players right"
                + " now. Close another player or try again in a while.");
      }
    };
  }

  /** The lease's holder: unique per session, and only this login's for this recording. */
  static String holder(Principal p, UUID recording, UUID session) {
    return "listening/" + recording + "/" + p.login() + "/" + session;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
