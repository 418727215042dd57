package se.vittne.capture.node;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.archive.ArchiveWorker;
import se.vittne.capture.archive.Archiver;
import se.vittne.capture.archive.Outbox;
import se.vittne.capture.directory.PolicyCache;
import se.vittne.capture.directory.StorageCallDirectory;
import se.vittne.capture.directory.StorageTrunkDirectory;
import se.vittne.capture.media.RtpMediaEngine;
import se.vittne.capture.ops.DiskSpaceGuard;
import se.vittne.capture.ops.Drain;
import se.vittne.capture.ops.HealthStatus;
import se.vittne.capture.ops.ManagementServer;
import se.vittne.capture.session.RecordingSessions;
import se.vittne.capture.session.SessionEnder;
import se.vittne.capture.session.SessionStore;
import se.vittne.capture.session.StorageLicenceGate;
import se.vittne.capture.sip.SipServer;
import se.vittne.capture.sip.SipTransport;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.licence.LicenceLeases;
import se.vittne.storage.policy.PolicyRepository;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.UnrecordedCallRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * A running capture node: SIP listener, RTP engine, the session layer with its policy gate, the
 * archive worker and the management port. {@link #start} recovers what a crash left before it takes
 * calls; {@link #close} drains: new calls are refused while running calls finish, up to the drain
 * timeout.
 */
public final class CaptureNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CaptureNode.class);

  private final CaptureNodeConfig config;
  private final Parts parts;

  /** What a started node consists of, in the order it is stopped. */
  private record Parts(
      SipServer sip,
      RecordingSessions sessions,
      Drain drain,
      RtpMediaEngine media,
      ArchiveWorker archive,
      PolicyListenerHandle policyListener,
      ScheduledExecutorService timers,
      ManagementServer management,
      StorageLicenceGate licences) {}

  private CaptureNode(CaptureNodeConfig config, Parts parts) {
    this.config = config;
    this.parts = parts;
  }

  public static CaptureNode start(
      CaptureNodeConfig config,
      Database database,
      DatabaseConfig databaseConfig,
      AudioStore store,
      Clock clock,
      PrometheusMeterRegistry registry)
      throws IOException {
    bindJvmMetrics(registry);
    var dsl = database.dsl();
    var directory =
        new StorageCallDirectory(
            new TenantRepository(dsl),
            new UserRepository(dsl),
            new NumberRepository(dsl),
            config.directoryCacheTime(),
            clock);
    var policies = new PolicyCache(new PolicyRepository(dsl), config.policyRefresh(), clock);
    var licences =
        new StorageLicenceGate(
            new LicenceLeases(dsl, clock), config.nodeId(), config.licenceLeaseTime());
    licences.releaseAll();
    var sessionStore = new SessionStore(config.dataDirectory().resolve("sessions"));
    var outbox = new Outbox(config.dataDirectory().resolve("outbox"));
    var archiver =
        new Archiver(store, new RecordingRepository(dsl), new UnrecordedCallRepository(dsl));
    var archive = new ArchiveWorker(outbox, archiver, clock, config.archiveMaxBackoff(), registry);
    var ender = new SessionEnder(outbox, archive, sessionStore, clock);
    var media = new RtpMediaEngine(config.media(), registry);
    SpoolRecovery.recover(
        media.start(),
        config.media().spoolDirectory(),
        sessionStore,
        outbox,
        ender,
        config.dataDirectory().resolve("quarantine"));
    archive.start();
    var disk =
        new DiskSpaceGuard(config.media().spoolDirectory(), config.diskReserveBytes(), registry);
    var active = new java.util.concurrent.atomic.AtomicReference<RecordingSessions>();
    var drain = new Drain(() -> active.get() == null ? 0 : active.get().activeSessions());
    var sessions =
        new RecordingSessions(
            new RecordingSessions.Dependencies(
                directory, policies, licences, media, sessionStore, ender, disk, drain, clock),
            registry);
    active.set(sessions);
    var policyListener = PolicyListenerHandle.start(databaseConfig, policies);
    var databaseCheck = new DatabaseCheck(database, registry);
    var timers =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("node-timers").daemon(true).factory());
    long renewMillis = Math.max(1_000, config.licenceLeaseTime().toMillis() / 3);
    timers.scheduleWithFixedDelay(licences::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(disk::refresh, 5, 5, TimeUnit.SECONDS);
    timers.scheduleWithFixedDelay(
        () -> sessions.endSilentSessions(clock.instant(), config.mediaTimeout()),
        1,
        1,
        TimeUnit.SECONDS);
    timers.scheduleWithFixedDelay(databaseCheck::refresh, 0, 5, TimeUnit.SECONDS);
    var trunks =
        new StorageTrunkDirectory(
            new TrunkRepository(dsl), directory, config.directoryCacheTime(), clock);
    var sip = SipServer.start(config.sip(), trunks, sessions, registry);
    var management =
        ManagementServer.start(
            config.management(),
            registry,
            List.of(
                disk,
                drain,
                () -> HealthStatus.up("sip", "listening on port " + sip.port(SipTransport.UDP))));
    log.info(
        "capture node {} started: SIP port {}, media ports {}-{}, management {}",
        config.nodeId(),
        sip.port(SipTransport.UDP),
        config.media().firstPort(),
        config.media().lastPort(),
        management.address());
    return new CaptureNode(
        config,
        new Parts(
            sip, sessions, drain, media, archive, policyListener, timers, management, licences));
  }

  public SipServer sip() {
    return parts.sip();
  }

  public int sipPort() {
    return parts.sip().port(SipTransport.UDP);
  }

  public java.net.InetSocketAddress managementAddress() {
    return parts.management().address();
  }

  public int activeSessions() {
    return parts.sessions().activeSessions();
  }

  /** Whether the node is draining: new calls are refused. */
  public boolean draining() {
    return parts.drain().draining();
  }

  /** Finished sessions not yet archived. */
  public int outboxDepth() {
    return parts.archive().depth();
  }

  /**
   * Drains and stops: new calls are refused (503), running calls get up to the drain timeout to
   * end, the rest are ended, and everything finished goes to the outbox before the node stops.
   */
  @Override
  public void close() {
    try {
      parts.drain().drain(config.drainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    parts.sip().stop(Duration.ofSeconds(5));
    parts.media().close();
    parts.archive().close();
    parts.policyListener().close();
    parts.timers().shutdownNow();
    parts.management().close();
    log.info("capture node {} stopped", config.nodeId());
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
  }
}
