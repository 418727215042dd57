package se.vittne.capture.sip.dialog;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import se.vittne.capture.sip.message.InboundRequest;
import se.vittne.capture.sip.message.Reply;
import se.vittne.capture.sip.message.ServerExchange;
import se.vittne.capture.sip.sdp.AnswerOrigin;
import se.vittne.capture.sip.siprec.RecordingMetadata;
import se.vittne.capture.sip.trunk.Trunk;

/**
 * One recording session from INVITE to its end. Every event runs on the session's serial executor,
 * so the fields need no locking; entry points only post tasks. The session leaves the server's
 * registry before the response that ends it goes out, so that a quick next request gets 481.
 */
public final class RecordingDialog implements SessionControl, SessionClock.Events {
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
  private final SessionClock clock;

  private State state = State.OFFERING;
  private SessionKind kind = SessionKind.FORKED_LEG;
  private boolean accepted;
  private Optional<RecordingMetadata> metadata = Optional.empty();
  private Map<String, StreamSpec> streams = new LinkedHashMap<>();
  private final Map<String, LocalEndpoint> endpoints = new LinkedHashMap<>();
  private AnswerOrigin origin;
  private String lastAnswer = "";

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
    this.clock = new SessionClock(context.timers(), dialog, this);
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
  boolean admits(InetAddress address) {
    return trunk.sources().stream().anyMatch(c -> c.contains(address));
  }

  /** Posts an event for this session. */
  @Override
  public void post(Runnable task) {
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

  @Override
  public void expired(String detail) {
    hangUp(EndReason.SESSION_EXPIRED, detail);
  }

  @Override
  public void ackMissing() {
    if (state == State.ANSWERED) {
      hangUp(EndReason.NOT_ESTABLISHED, "no ACK for the answer");
    }
  }

  // ---- initial INVITE -------------------------------------------------------------------------

  void offer(ServerExchange exchange) {
    exchange.reply(Reply.of(100, "Trying"));
    OfferReader.Offered offered;
    SessionTimer.Outcome timer;
    StreamPlan plan;
    try {
      offered = context.reader().read(exchange.request());
      timer = negotiateTimer(exchange.request());
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
    if (exchange.completed()) {
      LOG.info("INVITE {} cancelled before it was offered", callId);
      finish();
      return;
    }
    SignalledFacts facts = extractor.extract(kind, identities, metadata);
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
      case SessionAnswer.Accept accept -> answerOffer(exchange, plan, accept, timer);
    }
  }

  private void answerOffer(
      ServerExchange exchange,
      StreamPlan plan,
      SessionAnswer.Accept accept,
      SessionTimer.Outcome timer) {
    accepted = true;
    context.metrics().sessionStarted();
    accept.endpoints().forEach(e -> endpoints.put(e.label(), e));
    // A handler that accepts with no endpoints declines every stream on purpose (a call that
    // must not be recorded): the session is established with all streams rejected (port 0, RFC
    // 3264 section 6), so the SRC's call goes on undisturbed and later metadata still arrives.
    if (!accept.endpoints().isEmpty() && !SdpAnswers.anyAccepted(plan, endpoints)) {
      end(
          EndReason.NOT_ESTABLISHED,
          "no stream accepted",
          () ->
              exchange.reply(
                  Replies.error(488, "Not Acceptable Here", "no offered stream can be received")));
      return;
    }
    String sdp = SdpAnswers.write(origin, plan, endpoints, context.mediaFallback());
    if (!exchange.reply(OkReplies.answer(kind == SessionKind.SIPREC, sdp, timer))) {
      end(EndReason.CANCELLED, "cancelled before the answer was sent", () -> {});
      return;
    }
    state = State.ANSWERED;
    streams = plan.byLabel();
    lastAnswer = sdp;
    clock.use(timer);
    clock.awaitAck(ACK_WAIT);
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
        clock.acked();
      }
    });
  }

  void cancelled() {
    post(() -> LOG.debug("CANCEL for {} in state {}", callId, state));
  }

  /** The stack gave up on the dialog: no ACK, or the transport failed. */
  void failed(String reason) {
    post(() -> hangUp(EndReason.NOT_ESTABLISHED, reason));
  }

  // ---- in-dialog requests ---------------------------------------------------------------------

  /** What a re-INVITE or UPDATE changes. */
  private record Change(
      Optional<StreamPlan> plan,
      StreamPlanner.Changes streams,
      Optional<RecordingMetadata> metadata,
      boolean metadataChanged) {
    boolean any() {
      return streams.any() || metadataChanged;
    }
  }

  /** A re-INVITE or UPDATE: a refresh, a media change, a metadata change, or several. */
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
    Change change;
    SessionTimer.Outcome timer;
    try {
      change = change(context.reader().read(request));
      timer = negotiateTimer(request);
    } catch (Refusal refusal) {
      context.metrics().refusal(refusal.metric());
      exchange.reply(refusal.reply());
      return;
    }
    // An offer (or an INVITE without one, which asks for ours) is answered with our SDP.
    boolean withSdp = change.plan().isPresent() || invite;
    if (!change.any()) {
      context.metrics().sessionRefreshed();
      exchange.reply(OkReplies.modified(sdpIf(withSdp), timer));
      clock.use(timer);
      return;
    }
    if (apply(exchange, request.method(), change)) {
      exchange.reply(OkReplies.modified(sdpIf(withSdp), timer));
      clock.use(timer);
    }
  }

  private Change change(OfferReader.Offered offered) {
    Optional<RecordingMetadata> merged =
        offered
            .metadata()
            .map(m -> metadata.map(old -> old.mergedWith(m)).orElse(m))
            .or(() -> metadata);
    boolean metadataChanged = offered.metadata().isPresent() && !merged.equals(metadata);
    Optional<StreamPlan> plan =
        offered.sdp().map(sdp -> context.planner().plan(sdp, merged, streams));
    StreamPlanner.Changes changes =
        plan.map(p -> StreamPlanner.diff(streams, p.byLabel()))
            .orElse(new StreamPlanner.Changes(List.of(), List.of(), List.of()));
    return new Change(plan, changes, merged, metadataChanged);
  }

  /** Asks the session layer; on refusal answers the request and keeps the session as it was. */
  private boolean apply(ServerExchange exchange, String method, Change change) {
    SessionKind newKind = change.metadata().isPresent() ? SessionKind.SIPREC : kind;
    SignalledFacts facts = extractor.extract(newKind, identities, change.metadata());
    Map<String, StreamSpec> after = change.plan().map(StreamPlan::byLabel).orElse(streams);
    SessionUpdate update =
        new SessionUpdate(
            sessionId,
            callId,
            method,
            change.streams().added(),
            change.streams().changed(),
            change.streams().removed(),
            List.copyOf(after.values()),
            change.metadata(),
            change.metadataChanged(),
            facts);
    SessionAnswer answer;
    try {
      answer = context.handler().onUpdate(update);
    } catch (RuntimeException e) {
      LOG.error("session handler failed on update of {}", callId, e);
      context.metrics().refusal("handler_error");
      exchange.reply(Reply.of(500, "Server Internal Error (update failed)"));
      return false;
    }
    if (answer instanceof SessionAnswer.Refuse refuse) {
      context.metrics().refusal("handler_refused");
      exchange.reply(Reply.of(refuse.status(), Replies.clean(refuse.reason())));
      return false;
    }
    kind = newKind;
    metadata = change.metadata();
    if (change.plan().isPresent()) {
      endpoints.clear();
      ((SessionAnswer.Accept) answer).endpoints().forEach(e -> endpoints.put(e.label(), e));
      origin = origin.next();
      lastAnswer =
          SdpAnswers.write(origin, change.plan().get(), endpoints, context.mediaFallback());
      streams = after;
    }
    LOG.info(
        "recording session {} updated: +{} ~{} -{} metadata {}",
        sessionId,
        change.streams().added().size(),
        change.streams().changed().size(),
        change.streams().removed().size(),
        change.metadataChanged());
    return true;
  }

  private Optional<String> sdpIf(boolean wanted) {
    return wanted && !lastAnswer.isEmpty() ? Optional.of(lastAnswer) : Optional.empty();
  }

  /** A BYE that arrived at {@code receivedNanos}: the session ends then, not when it is handled. */
  void bye(ServerExchange exchange, long receivedNanos) {
    if (state == State.ENDED) {
      exchange.reply(Reply.of(481, "Call/Transaction Does Not Exist"));
      return;
    }
    end(
        EndReason.BYE,
        "BYE from the SRC",
        () -> exchange.reply(Reply.of(200, "OK")),
        receivedNanos);
  }

  // ---- timers, refusals and the end -----------------------------------------------------------

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

  private void refuse(ServerExchange exchange, Reply reply, String metric) {
    finish();
    context.metrics().refusal(metric);
    exchange.reply(reply);
    LOG.info("refused INVITE {}: {} {}", callId, reply.status(), reply.reason());
  }

  /** Ends from our side: BYE when the SRC holds an answer, then the end. */
  private void hangUp(EndReason reason, String detail) {
    if (state == State.ENDED) {
      return;
    }
    boolean answered = state == State.ANSWERED || state == State.CONFIRMED;
    end(
        reason,
        detail,
        () -> {
          if (answered) {
            dialog.sendBye(detail);
          }
        });
  }

  /**
   * Leaves the registry, then sends what the end needs sent, then tells the session layer (once,
   * and only for accepted offers).
   */
  private void end(EndReason reason, String detail, Runnable send) {
    end(reason, detail, send, System.nanoTime());
  }

  private void end(EndReason reason, String detail, Runnable send, long atNanos) {
    boolean notify = accepted;
    accepted = false;
    finish();
    send.run();
    if (!notify) {
      return;
    }
    context.metrics().sessionEnded(reason);
    LOG.info("recording session {} ended: {} ({})", sessionId, reason, detail);
    try {
      context.handler().onEnd(new SessionEnd(sessionId, callId, reason, detail, atNanos));
    } catch (RuntimeException e) {
      LOG.error("session handler failed on end of {}", callId, e);
    }
  }

  private void finish() {
    state = State.ENDED;
    clock.stop();
    context.onEnded().accept(this);
  }
}
