package se.vittne.deploy;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import se.vittne.admin.AdminConfig;
import se.vittne.admin.mail.MailConfig;
import se.vittne.admin.mail.Mailer;
import se.vittne.admin.mail.PickupDirectoryMailer;
import se.vittne.admin.mail.SmtpMailer;
import se.vittne.capture.media.RtpMediaEngineConfig;
import se.vittne.capture.node.CaptureNodeConfig;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.SipTransport;
import se.vittne.deploy.config.VittneConfig;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.audio.FileSystemAudioStore;
import se.vittne.storage.audio.S3AudioStore;
import se.vittne.storage.audio.S3Config;
import se.vittne.storage.db.DatabaseConfig;

/** Turns the configuration into what the processes are built from. */
final class ProcessSetup {
  private ProcessSetup() {}

  static DatabaseConfig database(VittneConfig config) {
    VittneConfig.Database db = config.database();
    String url =
        db.url()
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "vittne.database.url is not set (a jdbc:postgresql: URL)"));
    return new DatabaseConfig(url, db.user(), db.password().orElse(""), db.poolSize());
  }

  static AudioStore audioStore(VittneConfig config) throws IOException {
    VittneConfig.Store store = config.store();
    return switch (store.kind().toLowerCase(Locale.ROOT)) {
      case "filesystem" ->
          new FileSystemAudioStore(store.path().orElse(config.dataDir().resolve("audio")));
      case "s3" -> S3AudioStore.connect(s3(store.s3()));
      default ->
          throw new IllegalArgumentException(
              "vittne.store.kind must be filesystem or s3, not " + store.kind());
    };
  }

  private static S3Config s3(VittneConfig.Store.S3 s3) {
    return new S3Config(
        s3.endpoint().map(URI::create),
        s3.region(),
        s3.bucket()
            .orElseThrow(() -> new IllegalArgumentException("vittne.store.s3.bucket is not set")),
        s3.accessKey()
            .orElseThrow(
                () -> new IllegalArgumentException("vittne.store.s3.access-key is not set")),
        s3.secretKey()
            .orElseThrow(
                () -> new IllegalArgumentException("vittne.store.s3.secret-key is not set")),
        s3.pathStyle(),
        S3Config.DEFAULT_PART_SIZE);
  }

  static CaptureNodeConfig capture(VittneConfig config) throws UnknownHostException {
    VittneConfig.Capture capture = config.capture();
    Path data = config.dataDir().toAbsolutePath();
    VittneConfig.Capture.Sip sip = capture.sip();
    InetAddress sipBind = InetAddress.getByName(sip.bind());
    SipServerConfig sipConfig =
        new SipServerConfig(
            sipBind,
            address(sip.advertisedAddress()),
            sip.port(),
            transports(sip.transports().stream().toList()),
            Optional.empty(),
            SipServerConfig.Limits.DEFAULT,
            SipServerConfig.SessionTimers.DEFAULT,
            "Vittne");
    VittneConfig.Capture.Media media = capture.media();
    InetAddress mediaBind = InetAddress.getByName(media.bind());
    InetAddress advertised =
        address(media.advertisedAddress())
            .orElseGet(() -> mediaBind.isAnyLocalAddress() ? localAddress() : mediaBind);
    RtpMediaEngineConfig defaults =
        RtpMediaEngineConfig.defaults(
            mediaBind,
            media.firstPort(),
            media.lastPort(),
            media.spool().orElse(data.resolve("spool")).toAbsolutePath());
    RtpMediaEngineConfig mediaConfig =
        new RtpMediaEngineConfig(
                defaults.bindAddress(),
                advertised,
                defaults.firstPort(),
                defaults.lastPort(),
                defaults.spoolDirectory(),
                defaults.eventLoopThreads(),
                defaults.writerThreads(),
                defaults.jitterWindow(),
                defaults.flushInterval(),
                defaults.batchInterval(),
                defaults.handoffBatches(),
                defaults.receiveBufferBytes(),
                defaults.nativeTransport(),
                defaults.timestampJump(),
                defaults.driftTolerance(),
                defaults.concealmentLimit())
            .withThreads(media.eventLoops(), media.writers());
    return new CaptureNodeConfig(
        capture.nodeId().orElseGet(ProcessSetup::hostName),
        data,
        sipConfig,
        mediaConfig,
        new InetSocketAddress(
            InetAddress.getByName(capture.management().bind()), capture.management().port()),
        capture.diskReserveBytes(),
        capture.drainTimeout(),
        capture.directoryCacheTime(),
        capture.policyRefresh(),
        capture.licenceLeaseTime(),
        capture.archiveMaxBackoff(),
        capture.mediaTimeout());
  }

  static AdminConfig admin(VittneConfig config, int port) {
    VittneConfig.Admin admin = config.admin();
    AdminConfig.Builder builder =
        AdminConfig.builder()
            .host(admin.bind())
            .port(port)
            .publicUrl(URI.create(admin.publicUrl()))
            .trustedProxies(admin.trustedProxies().orElse(java.util.List.of()));
    admin.initialOperatorEmail().ifPresent(builder::initialOperatorEmail);
    return builder.build();
  }

  static Mailer mailer(VittneConfig config, Clock clock, MeterRegistry registry)
      throws IOException {
    VittneConfig.Admin.Mail mail = config.admin().mail();
    return switch (mail.kind().toLowerCase(Locale.ROOT)) {
      case "smtp" ->
          new SmtpMailer(
              new MailConfig(
                  mail.host(),
                  mail.port(),
                  MailConfig.Security.valueOf(mail.security().toUpperCase(Locale.ROOT)),
                  mail.username(),
                  mail.password(),
                  mail.from(),
                  Duration.ofSeconds(30)),
              clock,
              registry);
      case "pickup" ->
          new PickupDirectoryMailer(
              mail.pickupDirectory().orElse(config.dataDir().resolve("mail")), mail.from(), clock);
      default ->
          throw new IllegalArgumentException(
              "vittne.admin.mail.kind must be smtp or pickup, not " + mail.kind());
    };
  }

  private static Set<SipTransport> transports(java.util.List<String> names) {
    Set<SipTransport> transports = EnumSet.noneOf(SipTransport.class);
    for (String name : names) {
      transports.add(SipTransport.valueOf(name.strip().toUpperCase(Locale.ROOT)));
    }
    return transports;
  }

  private static Optional<InetAddress> address(Optional<String> literal)
      throws UnknownHostException {
    return literal.isPresent()
        ? Optional.of(InetAddress.getByName(literal.get()))
        : Optional.empty();
  }

  private static InetAddress localAddress() {
    try {
      return InetAddress.getLocalHost();
    } catch (UnknownHostException e) {
      return InetAddress.getLoopbackAddress();
    }
  }

  private static String hostName() {
    String name = localAddress().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
