package se.vittne.capture.sip.dialog;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vittne.capture.sip.RecordingSessionHandler;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.message.DialogHandle;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.Reply;
import se.vittne.capture.sip.message.RequestHandler;
import se.vittne.capture.sip.message.ServerExchange;
import se.vittne.capture.sip.message.SipMetrics;
import se.vittne.capture.sip.trunk.DigestAuthenticator;
import se.vittne.capture.sip.trunk.Trunk;
import se.vittne.capture.sip.trunk.TrunkDirectory;
import se.vittne.capture.sip.trunk.TrustDecision;
import se.vittne.capture.sip.trunk.TrustGate;

/**
 * Receives every request from the stack adapter, on stack threads, and never blocks them: requests
 * outside a dialog are checked (trust, extensions, capacity) and answered or turned into a new
 * {@link RecordingDialog}; requests inside a dialog are posted to their session.
 */
public final class SignallingCore implements RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SignallingCore.class);

  /**
   * Option tags we can honour in Require: ours, and 100rel, which binds only non-100 provisionals.
   */
  private static final Set<String> UNDERSTOOD = Set.of("siprec", "timer", "100rel");

  private static final Set<String> KNOWN_METHODS =
      Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER", "PUBLISH", "PRACK", "INFO");

  private final SipServerConfig config;
  private final TrustGate trust;
  private final SipMetrics metrics;
  private final ExecutorService executor;
  private final ScheduledExecutorService timers;
  private final DialogContext context;
  private final Map<String, RecordingDialog> sessions = new ConcurrentHashMap<>();
  private volatile boolean accepting = true;

  public SignallingCore(
      SipServerConfig config,
      TrunkDirectory trunks,
      RecordingSessionHandler handler,
      SipMetrics metrics,
      InetAddress mediaFallback) {
    this.config = config;
    this.metrics = metrics;
    this.trust =
        new TrustGate(trunks, new DigestAuthenticator(Clock.systemUTC(), Duration.ofMinutes(5)));
    this.executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sip-session-", 0).factory());
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("sip-timers").daemon().unstarted(r));
    this.context =
        new DialogContext(
            config,
            handler,
            metrics,
            new OfferReader(config.limits()),
            new StreamPlanner(config.limits().maxStreams()),
            executor,
            timers,
            mediaFallback,
            dialog -> sessions.remove(dialog.key(), dialog));
    metrics.activeSessions(sessions::size);
  }

  /** Sessions between INVITE and end. */
  public int activeSessions() {
    return sessions.size();
  }

  @Override
  public void onRequest(ServerExchange exchange, Optional<DialogHandle> dialog) {
    InboundRequest request = exchange.request();
    if (request.toTag().isPresent()) {
      inDialog(exchange);
    } else {
      outOfDialog(exchange, dialog);
    }
  }

  @Override
  public void onAck(String dialogKey) {
    RecordingDialog session = sessions.get(dialogKey);
    if (session != null) {
      session.ack();
    }
  }

  @Override
  public void onCancel(ServerExchange invite) {
    RecordingDialog session = sessions.get(invite.request().dialogKey());
    if (session != null) {
      session.cancelled();
    }
  }

  @Override
  public void onDialogFailed(String dialogKey, String reason) {
    RecordingDialog session = sessions.get(dialogKey);
    if (session != null) {
      session.failed(reason);
    }
  }

  private void outOfDialog(ServerExchange exchange, Optional<DialogHandle> dialog) {
    InboundRequest request = exchange.request();
    String method = request.method();
    if (method.equals("BYE") || method.equals("UPDATE") || method.equals("INFO")) {
      refuse(exchange, Reply.of(481, "Call/Transaction Does Not Exist"), "no_dialog");
      return;
    }
    Optional<Trunk> trunk = trusted(exchange);
    if (trunk.isEmpty()) {
      return;
    }
    String uri = request.requestUri().toLowerCase(Locale.ROOT);
    if (!(uri.startsWith("sip:") || uri.startsWith("sips:") || uri.startsWith("tel:"))) {
      refuse(exchange, Reply.of(416, "Unsupported URI Scheme"), "bad_uri_scheme");
      return;
    }
    switch (method) {
      case "INVITE" -> invite(exchange, trunk.get(), dialog);
      case "OPTIONS" -> exchange.reply(capabilities(Reply.of(200, "OK")));
      default -> notAllowed(exchange);
    }
  }

  private void invite(ServerExchange exchange, Trunk trunk, Optional<DialogHandle> dialog) {
    InboundRequest request = exchange.request();
    List<String> unsupported =
        request.headers().tokens("Require").stream().filter(t -> !UNDERSTOOD.contains(t)).toList();
    if (!unsupported.isEmpty()) {
      refuse(
          exchange,
          Reply.of(420, "Bad Extension").withHeader("Unsupported", String.join(", ", unsupported)),
          "bad_extension");
      return;
    }
    if (!accepting) {
      refuse(exchange, Reply.of(503, "Service Unavailable (shutting down)"), "shutting_down");
      return;
    }
    if (sessions.size() >= config.limits().maxSessions()) {
      refuse(
          exchange,
          Reply.of(503, "Service Unavailable (session limit)").withHeader("Retry-After", "30"),
          "session_limit");
      return;
    }
    if (dialog.isEmpty()) {
      refuse(exchange, Reply.of(500, "Server Internal Error (no dialog)"), "no_dialog");
      return;
    }
    RecordingDialog session =
        new RecordingDialog(
            context,
            request,
            trunk,
            Identities.of(request),
            Identities.siprecSignalled(request.headers()),
            dialog.get());
    if (sessions.putIfAbsent(session.key(), session) != null) {
      refuse(exchange, Reply.of(482, "Loop Detected"), "duplicate_invite");
      return;
    }
    session.post(() -> session.offer(exchange));
  }

  private void inDialog(ServerExchange exchange) {
    InboundRequest request = exchange.request();
    RecordingDialog session = sessions.get(request.dialogKey());
    if (session == null) {
      refuse(exchange, Reply.of(481, "Call/Transaction Does Not Exist"), "no_dialog");
      return;
    }
    if (!session.admits(request.peer().address().getAddress())) {
      refuse(exchange, Reply.of(403, "Forbidden (not the session's trunk)"), "untrusted");
      return;
    }
    switch (request.method()) {
      case "INVITE", "UPDATE" -> session.post(() -> session.modify(exchange));
      case "BYE" -> {
        long received = System.nanoTime();
        session.post(() -> session.bye(exchange, received));
      }
      case "OPTIONS" -> exchange.reply(capabilities(Reply.of(200, "OK")));
      case "INFO" -> exchange.reply(Reply.of(200, "OK"));
      default -> notAllowed(exchange);
    }
  }

  private Optional<Trunk> trusted(ServerExchange exchange) {
    InboundRequest request = exchange.request();
    TrustDecision decision =
        trust.check(
            request.peer().address().getAddress(),
            request.method(),
            request.headers().all("Authorization"),
            request.peer().tlsIdentities());
    switch (decision) {
      case TrustDecision.Trusted t -> {
        return Optional.of(t.trunk());
      }
      case TrustDecision.Challenge c -> {
        refuse(
            exchange,
            Reply.of(401, "Unauthorized").withHeader("WWW-Authenticate", c.wwwAuthenticate()),
            "unauthenticated");
        return Optional.empty();
      }
      case TrustDecision.Refused r -> {
        LOG.warn("refused {} from {}: {}", request.method(), request.peer().address(), r.reason());
        refuse(exchange, Reply.of(403, "Forbidden (unknown trunk)"), "untrusted");
        return Optional.empty();
      }
    }
  }

  private void notAllowed(ServerExchange exchange) {
    String method = exchange.request().method().toUpperCase(Locale.ROOT);
    if (KNOWN_METHODS.contains(method)) {
      refuse(
          exchange,
          Reply.of(405, "Method Not Allowed").withHeader("Allow", Replies.ALLOW),
          "method_not_allowed");
    } else {
      refuse(
          exchange,
          Reply.of(501, "Not Implemented").withHeader("Allow", Replies.ALLOW),
          "method_not_implemented");
    }
  }

  private static Reply capabilities(Reply reply) {
    return reply
        .withHeader("Allow", Replies.ALLOW)
        .withHeader("Accept", Replies.ACCEPT)
        .withHeader("Supported", Replies.SUPPORTED);
  }

  private void refuse(ServerExchange exchange, Reply reply, String metric) {
    metrics.refusal(metric);
    exchange.reply(reply);
  }

  /**
   * Stops taking new sessions, ends the running ones (BYE, {@code onEnd} with SHUTDOWN) and waits
   * up to the timeout for them to finish.
   */
  public void shutdown(Duration timeout) {
    accepting = false;
    sessions.values().forEach(RecordingDialog::shutdown);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!sessions.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    timers.shutdownNow();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
        LOG.warn("session tasks still running at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
