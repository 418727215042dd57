package se.vittne.capture.loadgen;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import se.vittne.capture.loadgen.sip.OfferedStream;
import se.vittne.capture.loadgen.sip.Participant;
import se.vittne.capture.loadgen.sip.RecordingMetadata;
import se.vittne.capture.loadgen.sip.SipDialog;
import se.vittne.capture.loadgen.sip.SipLocal;
import se.vittne.capture.loadgen.sip.SipRequests;
import se.vittne.capture.loadgen.sip.SiprecOffer;

/**
 * Makes the calls of a run: identities from the number patterns, and for SIPREC the dialog and the
 * offer (two labelled m-lines, metadata with two participants each sending one stream).
 */
final class CallFactory {
  private final LoadGenConfig config;
  private final String runId;
  private final SplittableRandom random;
  private final IntUnaryOperator localPortOfStream;
  private final SipLocal sipLocal;
  private final SipRequests requests;

  /**
   * @param localPortOfStream the local RTP port that stream {@code k} (call k / 2) is sent from
   * @param sipLocal the SIP transport's local address, null in RTP-only mode
   */
  CallFactory(
      LoadGenConfig config,
      String runId,
      SplittableRandom random,
      IntUnaryOperator localPortOfStream,
      SipLocal sipLocal) {
    this.config = config;
    this.runId = runId;
    this.random = random;
    this.localPortOfStream = localPortOfStream;
    this.sipLocal = sipLocal;
    this.requests = sipLocal == null ? null : new SipRequests(sipLocal);
  }

  LoadCall create(int index, CallContext context) {
    String caller = config.callerPattern().aor(index, config.domain());
    String callee = config.calleePattern().aor(index, config.domain());
    if (config.signalling() instanceof Signalling.RtpOnly rtpOnly) {
      List<InetSocketAddress> destinations =
          List.of(
              new InetSocketAddress(rtpOnly.host(), rtpOnly.port(2L * index)),
              new InetSocketAddress(rtpOnly.host(), rtpOnly.port(2L * index + 1)));
      return new RtpOnlyCall(
          index, context, destinations, config.codec().payloadType(), caller, callee);
    }
    Signalling.Siprec siprec = (Signalling.Siprec) config.signalling();
    String callId = runId + "-" + index + "@" + SipLocal.host(sipLocal.address());
    String target = SipLocal.host(siprec.target().getAddress()) + ":" + siprec.target().getPort();
    SipDialog dialog =
        new SipDialog(
            callId,
            "sip:src@" + SipLocal.host(sipLocal.address()),
            runId + Integer.toHexString(index),
            "sip:srs@" + target);
    return new SiprecCall(
        index, context, requests, dialog, offer(index, caller, callee), caller, callee);
  }

  private SiprecOffer offer(int index, String caller, String callee) {
    List<OfferedStream> streams =
        List.of(
            new OfferedStream("1", localPortOfStream.applyAsInt(2 * index), 0),
            new OfferedStream("2", localPortOfStream.applyAsInt(2 * index + 1), 1));
    List<Participant> participants =
        List.of(
            new Participant(caller, "Caller " + config.callerPattern().number(index)),
            new Participant(callee, "Callee " + config.calleePattern().number(index)));
    RecordingMetadata metadata =
        new RecordingMetadata(
            uuid(),
            uuid().toString().replace("-", ""),
            participants,
            streams,
            List.of(uuid(), uuid()),
            List.of(uuid(), uuid()),
            Instant.now());
    return new SiprecOffer(
        config.localAddress(), config.codec(), streams, metadata, random.nextLong(1L << 40));
  }

  /** A version 4 UUID from the run's generator: unique enough, and no entropy pool drained. */
  private UUID uuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(most, least);
  }
}
