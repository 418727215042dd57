package se.vittne.capture.loadgen;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import se.vittne.capture.loadgen.audio.PayloadLoop;
import se.vittne.capture.loadgen.rtp.RtpPacer;
import se.vittne.capture.loadgen.rtp.RtpStream;
import se.vittne.capture.loadgen.rtp.StreamPlan;
import se.vittne.capture.loadgen.rtp.TickLateness;
import se.vittne.capture.loadgen.sip.SipMessage;
import se.vittne.capture.loadgen.sip.SipRequests;
import se.vittne.capture.loadgen.sip.SipTimers;

/**
 * Runs a load: places the configured calls at the ramp-up rate and sends their media, all on one
 * event-loop thread. A tick every 20 ms sends every due packet of every stream and flushes once.
 *
 * <pre>{@code
 * LoadGenConfig config = LoadGenConfig.builder()
 *     .target(new InetSocketAddress("127.0.0.1", 5060))
 *     .calls(3).rate(10).hold(Duration.ofSeconds(5)).codec(Codec.PCMA)
 *     .build();
 * LoadResult result = LoadGenerator.run(config, Duration.ofMinutes(1));
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
  static final long TICK_NANOS = 20_000_000L;

  private final LoadGenConfig config;
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final RtpSender sender;
  private final SipTransport sip;
  private final PayloadLoop[] payloads;
  private final RtpPacer pacer;
  private final List<LoadCall> calls = new ArrayList<>();
  private final Map<String, SiprecCall> byCallId = new HashMap<>();
  private final Map<RtpStream, LoadCall> owners = new HashMap<>();
  private final Set<LoadCall> inMedia = new HashSet<>();
  private final Set<Long> ssrcs = new HashSet<>();
  private final SplittableRandom random;
  private final String runId;
  private final TickLateness lateness = new TickLateness();
  private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
  private long branches;
  private long epoch;
  private long nextTick;
  private int nextCall;
  private int ended;
  private int peak;
  private long processCpuStart;
  private long loopCpuStart;
  private long loopThreadId;
  private ScheduledFuture<?> tickTask;
  private ScheduledFuture<?> placeTask;

  private LoadGenerator(LoadGenConfig config, PayloadLoop[] payloads) throws IOException {
    this.config = config;
    this.payloads = payloads;
    this.random = new SplittableRandom(config.seed());
    SecureRandom secure = new SecureRandom();
    this.runId = HexFormat.of().formatHex(secure.generateSeed(6));
    this.group = NettyTransport.group(1, "vittne-loadgen");
    this.loop = group.next();
    try {
      this.sender = RtpSender.bind(loop, config.localAddress(), config.rtpPorts());
      this.sip =
          config.signalling() instanceof Signalling.Siprec siprec
              ? SipTransport.open(loop, siprec, config.localAddress(), this::onSip)
              : null;
    } catch (IOException | RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException("interrupted while binding sockets", e);
    }
    this.pacer = new RtpPacer(sender, this::onStreamFinished);
    CallFactory factory =
        new CallFactory(
            config,
            runId,
            new SplittableRandom(secure.nextLong()),
            stream -> sender.localPort(stream % sender.sockets()),
            sip == null ? null : sip.local());
    Context context = new Context();
    for (int i = 0; i < config.calls(); i++) {
      LoadCall call = factory.create(i, context);
      calls.add(call);
      if (call instanceof SiprecCall siprecCall) {
        byCallId.put(siprecCall.callId(), siprecCall);
      }
    }
  }

  /**
   * Encodes the audio, binds the sockets and starts placing calls; returns at once.
   *
   * @throws IOException when the audio cannot be read or a socket cannot be bound
   */
  public static LoadGenerator start(LoadGenConfig config) throws IOException {
    PayloadLoop[] payloads = new PayloadLoop[2];
    for (int participant = 0; participant < 2; participant++) {
      short[] pcm = config.audio().pcm(participant, config.codec().sampleRate());
      payloads[participant] = PayloadLoop.encode(config.codec(), pcm);
    }
    LoadGenerator generator = new LoadGenerator(config, payloads);
    generator.loop.execute(generator::begin);
    return generator;
  }

  /** Runs a load to its end and releases everything; at most {@code timeout}, then aborts. */
  public static LoadResult run(LoadGenConfig config, Duration timeout)
      throws IOException, InterruptedException {
    try (LoadGenerator generator = start(config)) {
      return generator.await(timeout);
    }
  }

  /** Waits for the run's end; past the timeout, stops it (aborting running calls). */
  public LoadResult await(Duration timeout) throws InterruptedException {
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      stop();
      return result.join();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the load run failed", e.getCause());
    }
  }

  /** Completes when every call has ended. */
  public CompletableFuture<LoadResult> result() {
    return result;
  }

  /** The local SIP address, when SIP is used. */
  public Optional<InetSocketAddress> sipLocalAddress() {
    return Optional.ofNullable(sip)
        .map(s -> new InetSocketAddress(s.local().address(), s.local().port()));
  }

  /** The local ports RTP is sent from. */
  public List<Integer> rtpLocalPorts() {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < sender.sockets(); i++) {
      ports.add(sender.localPort(i));
    }
    return ports;
  }

  /** Ends the run now: calls not placed are not, running ones end (BYE sent, not awaited). */
  public void stop() {
    if (!loop.isShuttingDown()) {
      loop.submit(this::abortAll).syncUninterruptibly();
    }
  }

  /** Stops the run if still going and releases sockets and thread. Not from the event loop. */
  @Override
  public void close() {
    stop();
    if (sip != null) {
      sip.close();
    }
    sender.close();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private void begin() {
    loopThreadId = Thread.currentThread().threadId();
    loopCpuStart = CpuUsage.threadCpuNanos(loopThreadId);
    processCpuStart = CpuUsage.processCpuNanos();
    epoch = System.nanoTime();
    if (calls.isEmpty()) {
      finish();
      return;
    }
    tick();
    placeDue();
  }

  /** Sends what fell due since the last tick; a late tick catches up, so no frame is skipped. */
  private void tick() {
    long now = System.nanoTime();
    lateness.record(now - (epoch + nextTick * TICK_NANOS));
    long current = Math.max(nextTick, (now - epoch) / TICK_NANOS);
    nextTick = current + 1;
    pacer.tick(current);
    if (!result.isDone()) {
      long delay = epoch + nextTick * TICK_NANOS - System.nanoTime();
      tickTask = loop.schedule(this::tick, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }

  private void placeDue() {
    long now = System.nanoTime();
    while (nextCall < calls.size() && callTime(nextCall) <= now) {
      calls.get(nextCall++).start();
    }
    if (nextCall < calls.size() && !result.isDone()) {
      placeTask = loop.schedule(this::placeDue, callTime(nextCall) - now, TimeUnit.NANOSECONDS);
    }
  }

  private long callTime(int index) {
    return epoch + (long) (index * 1e9 / config.rate());
  }

  private void onSip(SipMessage message) {
    SiprecCall call = byCallId.get(message.callId());
    if (call != null) {
      call.onMessage(message);
    } else if (!message.isResponse() && !message.method().equals("ACK")) {
      boolean options = message.method().equals("OPTIONS");
      sip.send(
          SipRequests.response(
              message,
              options ? 200 : 481,
              options ? "OK" : "Call/Transaction Does Not Exist",
              runId));
    }
  }

  private void onStreamFinished(RtpStream stream) {
    LoadCall call = owners.remove(stream);
    if (call != null) {
      call.onStreamFinished(stream);
    }
  }

  private void abortAll() {
    for (LoadCall call : calls) {
      if (!call.ended()) {
        call.abort();
      }
    }
  }

  private void finish() {
    if (result.isDone()) {
      return;
    }
    if (tickTask != null) {
      tickTask.cancel(false);
    }
    if (placeTask != null) {
      placeTask.cancel(false);
    }
    pacer.tick(nextTick); // held-back packets of stopped streams still go
    long wall = System.nanoTime() - epoch;
    CpuUsage cpu =
        new CpuUsage(
            Duration.ofNanos(wall),
            Duration.ofNanos(delta(CpuUsage.processCpuNanos(), processCpuStart)),
            Duration.ofNanos(delta(CpuUsage.threadCpuNanos(loopThreadId), loopCpuStart)));
    List<CallOutcome> outcomes = calls.stream().map(LoadCall::outcome).toList();
    result.complete(
        Results.summarize(
            outcomes,
            peak,
            pacer.packets(),
            pacer.bytes(),
            sender.dropped(),
            lateness.snapshot(),
            cpu));
  }

  private static long delta(long end, long start) {
    return end < 0 || start < 0 ? -1 : end - start;
  }

  /** The generator's services to its calls; all on the event loop. */
  private final class Context implements CallContext {
    @Override
    public void sendSip(byte[] message) {
      sip.send(message);
    }

    @Override
    public boolean reliableSip() {
      return sip.reliable();
    }

    @Override
    public SipTimers timers() {
      return ((Signalling.Siprec) config.signalling()).timers();
    }

    @Override
    public Duration hold() {
      return config.hold();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
      return loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String newBranch() {
      return SipRequests.BRANCH_COOKIE + runId + "." + Long.toHexString(branches++);
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public List<RtpStream> startMedia(
        LoadCall call, List<InetSocketAddress> destinations, List<Integer> payloadTypes) {
      List<RtpStream> streams = new ArrayList<>();
      for (int participant = 0; participant < destinations.size(); participant++) {
        long index = 2L * call.index() + participant;
        InetSocketAddress destination = destinations.get(participant);
        if (destination == null) {
          continue; // the recorder rejected this m-line
        }
        StreamPlan plan =
            new StreamPlan(
                Integer.toString(participant + 1),
                destination,
                payloadTypes.get(participant),
                payloads[participant],
                newSsrc(),
                nextTick,
                config.framesPerStream(),
                (int) (index % sender.sockets()),
                config.faults(),
                Streams.toneHz(config.audio(), participant));
        // seeded per stream, not per start order, so that faults repeat whatever the answer order
        RtpStream stream = new RtpStream(plan, new SplittableRandom(config.seed() * 31 + index));
        owners.put(stream, call);
        pacer.add(stream);
        streams.add(stream);
      }
      if (!streams.isEmpty()) {
        inMedia.add(call);
        peak = Math.max(peak, inMedia.size());
      }
      return streams;
    }

    @Override
    public void callEnded(LoadCall call) {
      inMedia.remove(call);
      if (++ended == calls.size()) {
        finish();
      }
    }

    private long newSsrc() {
      long ssrc;
      do {
        ssrc = random.nextLong(1L << 32);
      } while (!ssrcs.add(ssrc));
      return ssrc;
    }
  }
}
