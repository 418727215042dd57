package se.vittne.admin;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.admin.audit.AdminAuditActions;
import se.vittne.admin.audit.Auditor;
import se.vittne.admin.auth.Accounts;
import se.vittne.admin.auth.ApiTokenService;
import se.vittne.admin.auth.AuthApi;
import se.vittne.admin.auth.AuthSettings;
import se.vittne.admin.auth.LicenceAgreement;
import se.vittne.admin.auth.LoginService;
import se.vittne.admin.auth.LoginThrottle;
import se.vittne.admin.auth.PasswordHasher;
import se.vittne.admin.auth.PasswordResetService;
import se.vittne.admin.auth.PasswordService;
import se.vittne.admin.auth.RequestAuthenticator;
import se.vittne.admin.directory.OrganisationApi;
import se.vittne.admin.directory.OrganisationService;
import se.vittne.admin.directory.UserImport;
import se.vittne.admin.directory.UserService;
import se.vittne.admin.directory.UsersApi;
import se.vittne.admin.logins.LoginAdministration;
import se.vittne.admin.logins.LoginProvisioner;
import se.vittne.admin.logins.LoginsApi;
import se.vittne.admin.mail.Mailer;
import se.vittne.admin.openapi.OpenApiApi;
import se.vittne.admin.ops.OpsApi;
import se.vittne.admin.policy.PolicyApi;
import se.vittne.admin.policy.PolicyService;
import se.vittne.admin.policy.PolicySimulator;
import se.vittne.admin.server.AdminServer;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.Guard;
import se.vittne.admin.server.Route;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.tenants.TenantService;
import se.vittne.admin.tenants.TenantsApi;
import se.vittne.admin.tenants.TrunkService;
import se.vittne.admin.web.WebApp;
import se.vittne.storage.audio.AudioStore;
import se.vittne.storage.db.Database;
import se.vittne.storage.jobs.StorageJobs;
import se.vittne.storage.login.Login;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.SessionRepository;

/**
 * The admin process, assembled: what the launcher ({@code vittne admin}, {@code vittne demo})
 * starts. {@link #start} builds every service, registers every feature's routes in one list ({@link
 * #modules}), and starts the HTTP server; {@link #close} stops it.
 *
 * <pre>{@code
 * try (var mailer = new SmtpMailer(mailConfig, clock, metrics);
 *     var admin = AdminApplication.start(config, database, clock, mailer)) { ... }
 * }</pre>
 */
public final class AdminApplication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminApplication.class);

  /** The version of the JSON API, in its paths (/api/v1) and its OpenAPI document. */
  public static final String API_VERSION = "1";

  private final AdminServer server;
  private final PrometheusMeterRegistry metrics;
  private final PasswordResetService resets;
  private final ScheduledExecutorService housekeeping;
  private final Optional<StorageJobs> jobs;

  private AdminApplication(
      AdminServer server,
      PrometheusMeterRegistry metrics,
      PasswordResetService resets,
      ScheduledExecutorService housekeeping,
      Optional<StorageJobs> jobs) {
    this.server = server;
    this.metrics = metrics;
    this.resets = resets;
    this.housekeeping = housekeeping;
    this.jobs = jobs;
  }

  /**
   * Starts the admin API on a migrated database and the audio store the capture nodes archive to,
   * with its own Prometheus registry.
   */
  public static AdminApplication start(
      AdminConfig config, Database database, AudioStore audio, Clock clock, Mailer mailer) {
    return start(
        config,
        database,
        audio,
        clock,
        mailer,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Starts the admin API, recording metrics in {@code metrics} (served at /metrics). */
  public static AdminApplication start(
      AdminConfig config,
      Database database,
      AudioStore audio,
      Clock clock,
      Mailer mailer,
      PrometheusMeterRegistry metrics) {
    bindJvmMetrics(metrics);
    DSLContext dsl = database.dsl();
    AuthSettings auth = config.auth();
    Auditor auditor = new Auditor(dsl, clock);
    PasswordHasher hasher = new PasswordHasher(metrics);
    LoginThrottle throttle = new LoginThrottle(database.dataSource(), clock, config.throttle());
    PasswordService passwords =
        new PasswordService(dsl, hasher, throttle, mailer, auditor, clock, auth);
    PasswordResetService resets =
        new PasswordResetService(dsl, passwords, throttle, mailer, auditor, clock, auth);
    LoginProvisioner provisioner = new LoginProvisioner(hasher, mailer, auth, clock);
    LoginAdministration logins = new LoginAdministration(dsl, provisioner, auditor, clock);
    OrganisationService organisation = new OrganisationService(dsl, auditor);
    PolicyService policies = new PolicyService(dsl, auditor, clock);

    LoginService loginService =
        new LoginService(dsl, hasher, throttle, auditor, clock, auth, metrics);
    UserImport userImport = new UserImport(dsl, provisioner, logins, auditor);
    PolicySimulator simulator = new PolicySimulator(dsl, policies, clock);
    RequestAuthenticator authenticator = new RequestAuthenticator(dsl, clock, auth);

    AtomicReference<List<Route>> all = new AtomicReference<>(List.of());
    List<RouteModule> modules = new ArrayList<>();
    modules.addAll(
        modules(
            new OpsApi(dsl, metrics),
            new OpenApiApi(all::get, API_VERSION),
            new AuthApi(
                loginService,
                passwords,
                resets,
                new ApiTokenService(dsl, auditor, clock),
                new Accounts(dsl),
                LicenceAgreement.current(),
                auditor,
                clock,
                auth),
            new TenantsApi(
                new TenantService(dsl, auditor, clock), new TrunkService(dsl, auditor), logins),
            new LoginsApi(logins),
            new OrganisationApi(organisation),
            new UsersApi(
                new UserService(dsl, organisation, provisioner, logins, auditor), userImport),
            new PolicyApi(policies, simulator)));
    RecordingModules.Services recordings =
        RecordingModules.services(dsl, audio, auditor, mailer, clock, metrics, auth);
    modules.addAll(RecordingModules.modules(recordings, audio));
    WebApp web =
        new WebApp(
            new WebApp.Services(
                loginService,
                passwords,
                resets,
                new Accounts(dsl),
                LicenceAgreement.current(),
                auditor,
                authenticator,
                logins,
                organisation,
                userImport,
                policies,
                simulator,
                recordings,
                clock,
                dsl));
    modules.addAll(web.modules());
    Routes routes = new Routes();
    modules.forEach(m -> m.register(routes));
    all.set(routes.all());

    config
        .initialOperatorEmail()
        .ifPresent(email -> bootstrapOperator(dsl, provisioner, auditor, email));
    AdminServer server =
        AdminServer.start(
            config.server(),
            all.get(),
            new Guard(authenticator),
            metrics,
            Optional.of(web.problems()));
    ScheduledExecutorService housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("admin-housekeeping").factory());
    housekeeping.scheduleWithFixedDelay(
        () -> sweep(dsl, throttle, clock), 10, 10, TimeUnit.MINUTES);
    Optional<StorageJobs> jobs =
        RecordingModules.startJobs(config.storageJobs(), database.dataSource(), dsl, audio, clock);
    LOG.info(
        "admin API listening on {}:{} ({} routes)", config.host(), server.port(), all.get().size());
    return new AdminApplication(server, metrics, resets, housekeeping, jobs);
  }

  /**
   * Every feature's endpoints, in one place. Issue 8 (recordings) and the web app add their modules
   * here.
   */
  private static List<RouteModule> modules(RouteModule... modules) {
    return List.of(modules);
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry metrics) {
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
  }

  /** Creates the first operator and invites them, if the installation has none yet. */
  private static void bootstrapOperator(
      DSLContext dsl, LoginProvisioner provisioner, Auditor auditor, String email) {
    LoginRepository logins = new LoginRepository(dsl);
    if (!logins.listOperators().isEmpty()) {
      return;
    }
    if (logins.findByEmail(email).isPresent()) {
      LOG.warn("cannot make {} the first operator: the address has a tenant's login", email);
      return;
    }
    LoginProvisioner.Prepared prepared = provisioner.prepare();
    Login operator =
        dsl.transactionResult(c -> {
          DSLContext tx = DSL.using(c);
          Login created = provisioner.createOperator(tx, email, "en", prepared);
          auditor
              .within(tx)
              .recordAs(
                  Optional.empty(),
                  Optional.empty(),
                  "system:bootstrap",
                  new ClientInfo("local", false),
                  AdminAuditActions.LOGIN_CREATED,
                  "login",
                  created.id(),
                  Map.of("email", email, "role", "OPERATOR"));
          return created;
        });
    provisioner.invite(operator, "Vittne", prepared);
    LOG.info("created the first operator {} and mailed the invitation", email);
  }

  private static void sweep(DSLContext dsl, LoginThrottle throttle, Clock clock) {
    try {
      int sessions = new SessionRepository(dsl).deleteExpired(clock.instant());
      int buckets = throttle.removeExpired();
      LOG.debug("housekeeping removed {} sessions and {} throttle buckets", sessions, buckets);
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed", e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /**
   * Every route the server answers: the source of the OpenAPI document and the permission matrix.
   */
  public List<Route> routes() {
    return server.routes();
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() {
    jobs.ifPresent(StorageJobs::close);
    housekeeping.shutdownNow();
    server.close();
    resets.close();
  }
}
