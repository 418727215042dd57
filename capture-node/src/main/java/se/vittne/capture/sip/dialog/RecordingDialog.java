package se.vittne.capture.sip.dialog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.EndReason;
import se.vittne.capture.sip.SessionAnswer;
import se.vittne.capture.sip.SessionControl;
import se.vittne.capture.sip.SessionEnd;
import se.vittne.capture.sip.SessionKind;
import se.vittne.capture.sip.SessionOffer;
import se.vittne.capture.sip.SessionUpdate;
import se.vittne.capture.sip.SignalledFacts;
import se.vittne.capture.sip.SipIdentities;
import se.vittne.capture.sip.facts.FactsExtractor;
import se.vittne.capture.sip.message.DialogHandle;
import se.vittne.capture.sip.message.HeaderField;
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.Reply;
import se.vittne.capture.sip.message.ServerExchange;
import se.vittne.capture.sip.sdp.AnswerOrigin;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.capture.sip.trunk.Trunk;

/**
 * One recording session from INVITE to its end. Every event runs on the session's serial executor,
 * so the fields need no locking; entry points only post tasks.
 */
public final class RecordingDialog implements SessionControl {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingDialog.class);
  private static final Duration ACK_WAIT = Duration.ofSeconds(32);

  private enum State {
    OFFERING,
    ANSWERED,
    CONFIRMED,
    ENDED
  }

  private final DialogContext context;
  private final SerialExecutor serial;
  private final String sessionId = UUID.randomUUID().toString();
  private final String key;
  private final String callId;
  private final Trunk trunk;
  private final SipIdentities identities;
  private final FactsExtractor extractor;
  private final boolean siprecSignalled;
  private final boolean peerAllowsUpdate;
  private final DialogHandle dialog;

  private State state = State.OFFERING;
  private SessionKind kind = SessionKind.FORKED_LEG;
  private boolean accepted;
  private Optional<RecordingMetadata> metadata = Optional.empty();
  private SignalledFacts facts = SignalledFacts.unknown();
  private Map<String, StreamSpec> streams = new LinkedHashMap<>();
  private final Map<String, LocalEndpoint> endpoints = new LinkedHashMap<>();
  private AnswerOrigin origin;
  private String lastAnswer = "";
  private Optional<SessionTimer> timer = Optional.empty();
  private ScheduledFuture<?> ackGuard;
  private ScheduledFuture<?> timerTask;

  RecordingDialog(
      DialogContext context,
      InboundRequest invite,
      Trunk trunk,
      SipIdentities identities,
      boolean siprecSignalled,
      DialogHandle dialog) {
    this.context = context;
    this.serial = new SerialExecutor(context.executor());
    this.key = invite.dialogKey();
    this.callId = invite.callId();
    this.trunk = trunk;
    this.identities = identities;
    this.extractor = new FactsExtractor(trunk.numberingPlan());
    this.siprecSignalled = siprecSignalled;
    this.peerAllowsUpdate = invite.headers().tokens("Allow").contains("update");
    this.dialog = dialog;
    this.origin =
        new AnswerOrigin(
            Long.toString(System.currentTimeMillis() / 1000),
            1,
            context.mediaFallback().getHostAddress());
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  String key() {
    return key;
  }

  /** Whether a request from this address may belong to the session: it is in the trunk's ranges. */
  boolean admits(java.net.InetAddress address) {
    return trunk.sources().stream().anyMatch(c -> c.contains(address));
  }

  /** Posts an event for this session. */
  void post(Runnable task) {
    serial.execute(() -> {
      MDC.put("callId", callId);
      try {
        task.run();
      } finally {
        MDC.remove("callId");
      }
    });
  }

  @Override
  public void terminate(String reason) {
    post(() -> hangUp(EndReason.TERMINATED, reason));
  }

  void shutdown() {
    post(() -> hangUp(EndReason.SHUTDOWN, "server shutting down"));
  }

  // ---- initial INVITE -------------------------------------------------------------------------

  void offer(ServerExchange exchange) {
    exchange.reply(Reply.of(100, "Trying"));
    OfferReader.Offered offered;
    SessionTimer.Outcome negotiated;
    StreamPlan plan;
    try {
      offered = context.reader().read(exchange.request());
      negotiated = negotiateTimer(exchange.request());
      if (offered.sdp().isEmpty()) {
        throw Replies.refusal(488, "Not Acceptable Here", "an SDP offer is required", "no_sdp");
      }
      metadata = offered.metadata();
      kind = siprecSignalled || metadata.isPresent() ? SessionKind.SIPREC : SessionKind.FORKED_LEG;
      plan = context.planner().plan(offered.sdp().get(), metadata, Map.of());
      if (plan.streams().isEmpty()) {
        throw new Refusal(
            Reply.of(488, "Not Acceptable Here (no plain RTP audio stream)")
                .withHeader("Warning", "304 vittne \"Media type not available\""),
            "unsupported_media");
      }
    } catch (Refusal refusal) {
      refuse(exchange, refusal.reply(), refusal.metric());
      return;
    }
    if (!pending(exchange)) {
      return;
    }
    facts = extractor.extract(kind, identities, metadata);
    SessionOffer offer =
        new SessionOffer(
            sessionId,
            callId,
            kind,
            trunk,
            Instant.now(),
            plan.streams(),
            metadata,
            facts,
            identities,
            this);
    SessionAnswer answer;
    try {
      answer = context.handler().onOffer(offer);
    } catch (RuntimeException e) {
      LOG.error("session handler failed on offer {}", callId, e);
      refuse(
          exchange,
          Reply.of(500, "Server Internal Error (recording session failed)"),
          "handler_error");
      return;
    }
    switch (answer) {
      case SessionAnswer.Refuse refuse ->
          refuse(
              exchange,
              Reply.of(refuse.status(), Replies.clean(refuse.reason())),
              "handler_refused");
      case SessionAnswer.Accept accept -> answerOffer(exchange, plan, accept, negotiated);
    }
  }

  private boolean pending(ServerExchange exchange) {
    if (!exchange.completed()) {
      return true;
    }
    LOG.info("INVITE {} cancelled before it was offered", callId);
    finish();
    return false;
  }

  private void answerOffer(
      ServerExchange exchange,
      StreamPlan plan,
      SessionAnswer.Accept accept,
      SessionTimer.Outcome negotiated) {
    accepted = true;
    context.metrics().sessionStarted();
    accept.endpoints().forEach(e -> endpoints.put(e.label(), e));
    String sdp = SdpAnswers.write(origin, plan, endpoints, context.mediaFallback());
    if (!SdpAnswers.anyAccepted(plan, endpoints)) {
      exchange.reply(
          Replies.error(488, "Not Acceptable Here", "no offered stream can be received"));
      end(EndReason.NOT_ESTABLISHED, "no stream accepted");
      return;
    }
    Reply ok = ok(sdp, negotiated);
    if (!exchange.reply(ok)) {
      end(EndReason.CANCELLED, "cancelled before the answer was sent");
      return;
    }
    state = State.ANSWERED;
    streams = plan.byLabel();
    lastAnswer = sdp;
    useTimer(negotiated);
    ackGuard =
        schedule(
            ACK_WAIT,
            () -> {
              if (state == State.ANSWERED) {
                dialog.sendBye("no ACK for the answer");
                end(EndReason.NOT_ESTABLISHED, "no ACK");
              }
            });
    LOG.info(
        "recording session {} answered ({} {}, {} streams)",
        sessionId,
        kind,
        callId,
        streams.size());
  }

  void ack() {
    post(() -> {
      if (state == State.ANSWERED) {
        state = State.CONFIRMED;
        cancel(ackGuard);
      }
    });
  }

  void cancelled() {
    post(() -> LOG.debug("CANCEL for {} in state {}", callId, state));
  }

  void failed(String reason) {
    post(() -> {
      if (state != State.ENDED) {
        end(EndReason.NOT_ESTABLISHED, reason);
      }
    });
  }

  // ---- in-dialog requests ---------------------------------------------------------------------

  void modify(ServerExchange exchange) {
    InboundRequest request = exchange.request();
    boolean invite = request.method().equals("INVITE");
    if (state == State.ENDED || state == State.OFFERING) {
      exchange.reply(Reply.of(481, "Call/Transaction Does Not Exist"));
      return;
    }
    if (invite) {
      exchange.reply(Reply.of(100, "Trying"));
    }
    OfferReader.Offered offered;
    SessionTimer.Outcome negotiated;
    try {
      offered = context.reader().read(request);
      negotiated = negotiateTimer(request);
    } catch (Refusal refusal) {
      context.metrics().refusal(refusal.metric());
      exchange.reply(refusal.reply());
      return;
    }
    Optional<RecordingMetadata> merged =
        offered
            .metadata()
            .map(m -> metadata.map(old -> old.mergedWith(m)).orElse(m))
            .or(() -> metadata);
    boolean metadataChanged = offered.metadata().isPresent() && !merged.equals(metadata);
    if (offered.metadata().isPresent() && kind == SessionKind.FORKED_LEG) {
      kind = SessionKind.SIPREC;
    }
    StreamPlan plan =
        offered.sdp().map(sdp -> context.planner().plan(sdp, merged, streams)).orElse(null);
    StreamPlanner.Changes changes =
        plan == null
            ? new StreamPlanner.Changes(List.of(), List.of(), List.of())
            : StreamPlanner.diff(streams, plan.byLabel());
    if (!changes.any() && !metadataChanged) {
      context.metrics().sessionRefreshed();
      exchange.reply(modifyOk(invite, plan != null || invite, negotiated));
      useTimer(negotiated);
      return;
    }
    SignalledFacts newFacts = extractor.extract(kind, identities, merged);
    Map<String, StreamSpec> after = plan == null ? streams : plan.byLabel();
    SessionUpdate update =
        new SessionUpdate(
            sessionId,
            callId,
            request.method(),
            changes.added(),
            changes.changed(),
            changes.removed(),
            List.copyOf(after.values()),
            merged,
            metadataChanged,
            newFacts);
    SessionAnswer answer;
    try {
      answer = context.handler().onUpdate(update);
    } catch (RuntimeException e) {
      LOG.error("session handler failed on update of {}", callId, e);
      context.metrics().refusal("handler_error");
      exchange.reply(Reply.of(500, "Server Internal Error (update failed)"));
      return;
    }
    if (answer instanceof SessionAnswer.Refuse refuse) {
      context.metrics().refusal("handler_refused");
      exchange.reply(Reply.of(refuse.status(), Replies.clean(refuse.reason())));
      return;
    }
    metadata = merged;
    facts = newFacts;
    if (plan != null) {
      endpoints.clear();
      ((SessionAnswer.Accept) answer).endpoints().forEach(e -> endpoints.put(e.label(), e));
      origin = origin.next();
      lastAnswer = SdpAnswers.write(origin, plan, endpoints, context.mediaFallback());
      streams = after;
    }
    exchange.reply(modifyOk(invite, plan != null || invite, negotiated));
    useTimer(negotiated);
    LOG.info(
        "recording session {} updated: +{} ~{} -{} metadata {}",
        sessionId,
        changes.added().size(),
        changes.changed().size(),
        changes.removed().size(),
        metadataChanged);
  }

  void bye(ServerExchange exchange) {
    if (state == State.ENDED) {
      exchange.reply(Reply.of(481, "Call/Transaction Does Not Exist"));
      return;
    }
    boolean notify = accepted;
    accepted = false;
    finish();
    exchange.reply(Reply.of(200, "OK"));
    if (notify) {
      notifyEnd(EndReason.BYE, "BYE from the SRC");
    }
  }

  // ---- session timers -------------------------------------------------------------------------

  private SessionTimer.Outcome negotiateTimer(InboundRequest request) throws Refusal {
    SessionTimer.Outcome outcome =
        SessionTimer.negotiate(
            request.headers(), context.config().sessionTimers(), peerAllowsUpdate);
    if (outcome instanceof SessionTimer.Outcome.TooSmall small) {
      throw new Refusal(
          Reply.of(422, "Session Interval Too Small")
              .withHeader("Min-SE", Long.toString(small.minSe().toSeconds())),
          "interval_too_small");
    }
    return outcome;
  }

  private void useTimer(SessionTimer.Outcome negotiated) {
    cancel(timerTask);
    timer =
        negotiated instanceof SessionTimer.Outcome.Use use
            ? Optional.of(use.timer())
            : Optional.empty();
    timer.ifPresent(t ->
        timerTask =
            t.weRefresh()
                ? schedule(t.refreshAfter(), this::refresh)
                : schedule(
                    t.expiry(), () -> hangUp(EndReason.SESSION_EXPIRED, "session timer expired")));
  }

  private void refresh() {
    if (state == State.ENDED || timer.isEmpty()) {
      return;
    }
    SessionTimer current = timer.get();
    dialog.sendUpdate(
        List.of(
            new HeaderField("Session-Expires", current.sessionExpiresHeader()),
            new HeaderField("Supported", "timer")),
        status ->
            post(() -> {
              if (status >= 200 && status < 300) {
                useTimer(new SessionTimer.Outcome.Use(current));
              } else if (status == 408 || status == 481) {
                hangUp(EndReason.SESSION_EXPIRED, "session refresh failed with " + status);
              } else {
                timerTask =
                    schedule(
                        current.expiry().minus(current.refreshAfter()),
                        () -> hangUp(EndReason.SESSION_EXPIRED, "session refresh refused"));
              }
            }));
  }

  // ---- replies and the end ----------------------------------------------------------------------

  private Reply ok(String sdp, SessionTimer.Outcome negotiated) {
    Reply ok =
        Reply.of(200, "OK")
            .withContact()
            .withHeader("Allow", Replies.ALLOW)
            .withHeader("Supported", Replies.SUPPORTED)
            .withHeader("Accept", Replies.ACCEPT);
    if (kind == SessionKind.SIPREC) {
      ok = ok.withHeader("Require", "siprec");
    }
    ok = withTimer(ok, negotiated);
    return ok.withBody("application/sdp", sdp.getBytes(StandardCharsets.UTF_8));
  }

  private Reply modifyOk(boolean invite, boolean withSdp, SessionTimer.Outcome negotiated) {
    Reply ok =
        Reply.of(200, "OK")
            .withContact()
            .withHeader("Allow", Replies.ALLOW)
            .withHeader("Supported", Replies.SUPPORTED);
    ok = withTimer(ok, negotiated);
    if (withSdp && (invite || !lastAnswer.isEmpty())) {
      ok = ok.withBody("application/sdp", lastAnswer.getBytes(StandardCharsets.UTF_8));
    }
    return ok;
  }

  private static Reply withTimer(Reply reply, SessionTimer.Outcome negotiated) {
    if (negotiated instanceof SessionTimer.Outcome.Use use) {
      reply = reply.withHeader("Session-Expires", use.timer().sessionExpiresHeader());
      if (use.timer().requireTimer()) {
        reply = reply.withHeader("Require", "timer");
      }
    }
    return reply;
  }

  private void refuse(ServerExchange exchange, Reply reply, String metric) {
    finish();
    context.metrics().refusal(metric);
    exchange.reply(reply);
    LOG.info("refused INVITE {}: {} {}", callId, reply.status(), reply.reason());
  }

  private void hangUp(EndReason reason, String detail) {
    if (state == State.ENDED) {
      return;
    }
    if (state == State.ANSWERED || state == State.CONFIRMED) {
      dialog.sendBye(detail);
    }
    end(reason, detail);
  }

  private void end(EndReason reason, String detail) {
    if (state == State.ENDED && !accepted) {
      return;
    }
    boolean notify = accepted;
    accepted = false;
    finish();
    if (notify) {
      notifyEnd(reason, detail);
    }
  }

  private void notifyEnd(EndReason reason, String detail) {
    context.metrics().sessionEnded(reason);
    LOG.info("recording session {} ended: {} ({})", sessionId, reason, detail);
    try {
      context.handler().onEnd(new SessionEnd(sessionId, callId, reason, detail));
    } catch (RuntimeException e) {
      LOG.error("session handler failed on end of {}", callId, e);
    }
  }

  private void finish() {
    state = State.ENDED;
    cancel(ackGuard);
    cancel(timerTask);
    context.onEnded().accept(this);
  }

  private ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return context.timers().schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
