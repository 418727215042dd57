package se.vittne.capture.sip.dialog;

import java.net.InetAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import se.vittne.capture.sip.RecordingSessionHandler;
import se.vittne.capture.sip.SipServerConfig;
import se.vittne.capture.sip.message.SipMetrics;

/** What every session of one server shares. */
record DialogContext(
    SipServerConfig config,
    RecordingSessionHandler handler,
    SipMetrics metrics,
    OfferReader reader,
    StreamPlanner planner,
    Executor executor,
    ScheduledExecutorService timers,
    InetAddress mediaFallback,
    Consumer<RecordingDialog> onEnded) {}
