package se.vittne.capture.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.directory.CallDirectory;
import se.vittne.capture.directory.PolicyCache;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaEngine;
import se.vittne.capture.media.MediaException;
import se.vittne.capture.media.MediaSessionSpec;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.ops.DiskSpaceGuard;
import se.vittne.capture.ops.Drain;
import se.vittne.capture.sip.PartyIdentity;
import se.vittne.capture.sip.RecordingSessionHandler;
import se.vittne.capture.sip.SessionAnswer;
import se.vittne.capture.sip.SessionEnd;
import se.vittne.capture.sip.SessionMedia;
import se.vittne.capture.sip.SessionOffer;
import se.vittne.capture.sip.SessionUpdate;
import se.vittne.capture.sip.SignalledFacts;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.policy.RecordingPolicy;
import se.vittne.policy.TenantId;
import se.vittne.storage.tenant.TenantSettings;

/**
 * The recording session lifecycle (R-11, R-13, R-3x, R-38, R-42). An offer is decided for each
 * party with the tenant's applied policy; the media is opened only when some party is recorded (or
 * when signalling has not yet said who takes part). Metadata updates decide again with the same
 * policy version: a "never" that appears mid-call erases what was written. At the end the recording
 * goes to the outbox with its decisions; a call with no recorded party leaves only its "not
 * recorded" rows. The PBX's call is never disturbed: the SRS answers every trusted offer it can
 * serve, and a call that must not be recorded gets receive streams rejected, not an error.
 */
public final class RecordingSessions implements RecordingSessionHandler {
  private static final Logger log = LoggerFactory.getLogger(RecordingSessions.class);

  /** What the session layer works with. */
  public record Dependencies(
      CallDirectory directory,
      PolicyCache policies,
      LicenceGate licences,
      MediaEngine media,
      SessionStore sessions,
      SessionEnder ender,
      DiskSpaceGuard disk,
      Drain drain,
      Clock clock) {}

  private final Dependencies deps;
  private final PartyResolver resolver;
  private final PartyDecider decider;
  private final SessionMetrics metrics;
  private final Map<String, ActiveSession> active = new ConcurrentHashMap<>();

  public RecordingSessions(
      Dependencies deps, io.micrometer.core.instrument.MeterRegistry registry) {
    this.deps = deps;
    this.resolver = new PartyResolver(deps.directory());
    this.metrics = new SessionMetrics(registry, active::size);
    this.decider = new PartyDecider(deps.licences(), metrics);
  }

  /** Sessions in progress. */
  public int activeSessions() {
    return active.size();
  }

  @Override
  public SessionAnswer onOffer(SessionOffer offer) {
    if (deps.drain().draining()) {
      metrics.offer("draining");
      return SessionAnswer.refuse(503, "Service Unavailable - draining");
    }
    if (!deps.disk().admitsNewSessions()) {
      metrics.offer("disk-full");
      return SessionAnswer.refuse(503, "Service Unavailable - spool disk full");
    }
    try {
      return decideOffer(offer);
    } catch (RuntimeException e) {
      // The directory or policy could not be read (database down, nothing cached): the SRC
      // may try another recorder, or the same one again.
      metrics.offer("directory-unavailable");
      log.error("session {} refused: tenant data unavailable", offer.sessionId(), e);
      return SessionAnswer.refuse(503, "Service Unavailable - directory unavailable");
    }
  }

  private SessionAnswer decideOffer(SessionOffer offer) {
    TenantId tenant = offer.trunk().tenant();
    Optional<TenantSettings> settings = deps.directory().tenant(tenant);
    if (settings.isEmpty() || !settings.get().active()) {
      metrics.offer("unknown-tenant");
      log.warn(
          "trunk {} maps to tenant {} which is unknown or inactive", offer.trunk().name(), tenant);
      return SessionAnswer.refuse(403, "Forbidden - tenant not active");
    }
    RecordingPolicy policy = deps.policies().applied(tenant);
    SessionManifest manifest =
        new SessionManifest(
            tenant,
            offer.sessionId(),
            offer.callId(),
            offer.receivedAt(),
            settings.get().timeZone(),
            settings.get().retentionDays(),
            List.of());
    ActiveSession session = new ActiveSession(policy, offer.trunk(), offer.control(), manifest);
    session.manifest =
        manifest.withParties(
            decide(
                session, offer.facts(), participants(offer.metadata(), offer.trunk()), List.of()));
    try {
      List<LocalEndpoint> endpoints = openMediaIfNeeded(session, settings.get(), offer.streams());
      active.put(offer.sessionId(), session);
      metrics.offer(session.media == null ? "not-recorded" : "recording");
      log.info(
          "session {} of tenant {}: {}", offer.sessionId(), tenant, describe(session.manifest));
      return SessionAnswer.accept(endpoints);
    } catch (MediaException e) {
      decider.releaseAll(tenant, session.manifest.parties());
      deleteManifest(offer.sessionId());
      metrics.offer("media-refused");
      log.warn("session {} refused: {}", offer.sessionId(), e.getMessage());
      return SessionMedia.refusal(e);
    }
  }

  @Override
  public SessionAnswer onUpdate(SessionUpdate update) {
    ActiveSession session = active.get(update.sessionId());
    if (session == null) {
      return SessionAnswer.refuse(481, "Call/Transaction Does Not Exist");
    }
    session.paused = update.paused();
    try {
      if (update.metadataChanged()) {
        List<PartyOutcome> before = session.manifest.parties();
        List<PartyIdentity> participants = participants(update.metadata(), session.trunk);
        session.manifest =
            session.manifest.withParties(decide(session, update.facts(), participants, before));
        log.info("session {} updated: {}", update.sessionId(), describe(session.manifest));
      }
      if (session.media != null && !mayRecord(session.manifest)) {
        session.media.discard();
        session.media = null;
        log.info(
            "session {}: no party may be recorded any more, its audio is erased",
            update.sessionId());
        writeManifest(session.manifest);
        return SessionAnswer.accept(List.of());
      }
      if (session.media == null) {
        TenantSettings settings = deps.directory().tenant(session.manifest.tenant()).orElseThrow();
        return SessionAnswer.accept(openMediaIfNeeded(session, settings, update.streams()));
      }
      writeManifest(session.manifest);
      return SessionAnswer.accept(SessionMedia.apply(session.media, update));
    } catch (MediaException e) {
      log.warn("update of session {} refused: {}", update.sessionId(), e.getMessage());
      return SessionMedia.refusal(e);
    }
  }

  @Override
  public void onEnd(SessionEnd end) {
    ActiveSession session = active.remove(end.sessionId());
    if (session == null) {
      return;
    }
    log.info("session {} ended: {} {}", end.sessionId(), end.reason(), end.detail());
    deps.ender().end(session.manifest, Optional.ofNullable(session.media), end.atNanos());
    decider.releaseAll(session.manifest.tenant(), session.manifest.parties());
  }

  /**
   * Ends, from this side, every recording whose media has been silent for longer than the timeout
   * although the SRC did not pause it (R-40: an SRC that vanished without BYE). Called on a timer.
   *
   * @return how many sessions were ended
   */
  public int endSilentSessions(Instant now, Duration timeout) {
    int ended = 0;
    for (ActiveSession session : active.values()) {
      if (session.media != null
          && !session.paused
          && session.media.lastActivity().plus(timeout).isBefore(now)) {
        log.warn(
            "session {}: no media for {}, ending it",
            session.manifest.sessionId(),
            Duration.between(session.media.lastActivity(), now));
        session.control.terminate("media timeout");
        ended++;
      }
    }
    return ended;
  }

  /** Ends every session from this side, e.g. after the drain timeout. */
  public void terminateAll(String reason) {
    active.values().forEach(session -> session.control.terminate(reason));
  }

  private List<PartyOutcome> decide(
      ActiveSession session,
      SignalledFacts facts,
      List<PartyIdentity> participants,
      List<PartyOutcome> before) {
    SessionManifest manifest = session.manifest;
    List<CallParty> parties =
        resolver.resolve(manifest.tenant(), facts, participants, manifest.start());
    return decider.decide(
        manifest.tenant(),
        manifest.sessionId(),
        manifest.callId(),
        session.policy,
        parties,
        before);
  }

  /** The participants still in the call, as identities. */
  private static List<PartyIdentity> participants(
      Optional<RecordingMetadata> metadata, Trunk trunk) {
    return metadata.stream()
        .flatMap(m -> m.participants().stream())
        .filter(p -> !p.departed() && p.aor().isPresent())
        .map(p -> PartyIdentity.parse(p.aor().get(), trunk.numberingPlan()))
        .toList();
  }

  private List<LocalEndpoint> openMediaIfNeeded(
      ActiveSession session, TenantSettings settings, List<StreamSpec> streams)
      throws MediaException {
    if (!mayRecord(session.manifest) || streams.isEmpty()) {
      return List.of();
    }
    writeManifest(session.manifest);
    int channels = streams.size() == 1 ? 1 : 2;
    session.media =
        deps.media()
            .open(
                new MediaSessionSpec(
                    session.manifest.sessionId(),
                    session.manifest.callId(),
                    channels,
                    settings.keepDtmfDigits()),
                streams);
    return session.media.endpoints();
  }

  /**
   * Whether audio may be kept: some party is recorded, or signalling has not said yet who takes
   * part (SIPREC metadata may follow in an UPDATE).
   */
  private static boolean mayRecord(SessionManifest manifest) {
    return manifest.anyRecorded() || manifest.parties().isEmpty();
  }

  private void writeManifest(SessionManifest manifest) throws MediaException {
    try {
      deps.sessions().write(manifest);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.SPOOL_UNAVAILABLE, "cannot write the session manifest", e);
    }
  }

  private void deleteManifest(String sessionId) {
    try {
      deps.sessions().delete(sessionId);
    } catch (IOException e) {
      log.warn("cannot delete the manifest of session {}: {}", sessionId, e.toString());
    }
  }

  private static String describe(SessionManifest manifest) {
    if (manifest.parties().isEmpty()) {
      return "parties not yet signalled, recording pending";
    }
    StringBuilder text = new StringBuilder();
    for (PartyOutcome party : manifest.parties()) {
      text.append(text.isEmpty() ? "" : "; ")
          .append(party.user().extension())
          .append(' ')
          .append(party.call().direction())
          .append(party.recorded() ? " recorded (" : " not recorded (")
          .append(party.refusal().orElse(party.policy().rule().name()))
          .append(')');
    }
    return text.toString();
  }
}
