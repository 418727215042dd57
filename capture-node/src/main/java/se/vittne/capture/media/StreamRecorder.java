package se.vittne.capture.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import se.vittne.capture.codec.AudioDecoder;
import se.vittne.capture.codec.Codec;
import se.vittne.capture.rtp.Drop;
import se.vittne.capture.rtp.JitterEstimator;
import se.vittne.capture.rtp.PacketConsumer;
import se.vittne.capture.rtp.RtcpReader;
import se.vittne.capture.rtp.RtpHeader;
import se.vittne.capture.rtp.SequenceTracker;
import se.vittne.capture.rtp.TelephoneEvents;

/**
 * The writer side of one stream: takes its packets in arrival order, keeps the per-source state of
 * RFC 3550 (SSRC, extended sequence numbers, duplicates, loss, jitter), decodes the audio and puts
 * it on the session's timeline at the frames its timestamps say.
 *
 * <p>Where audio goes is {@link StreamPlacement}'s: anchored at arrival, placed by timestamp,
 * re-anchored on a new source, a confirmed sequence restart, a resume or a timestamp jump, kept in
 * line by RTCP sender reports or by the least-delayed packets. Gaps stay silence (or are concealed
 * by the codec), so the channel keeps its place.
 *
 * <p>Codecs whose decoding depends on the previous packet (G.722, Opus) are decoded in sequence
 * order: packets after a gap are held until the gap is filled or its playout time comes, when the
 * missing packets are concealed. Used by the session's writer thread only.
 */
final class StreamRecorder
    implements PacketConsumer, RtcpReader.Listener, TelephoneEvents.Listener {
  private static final long NONE = StreamPlacement.NONE;

  private final SessionRecorder session;
  final String label;
  final int channel;

  private final Codec[] codecs = new Codec[128];
  private final int[] clockRates = new int[128];
  private final String[] encodings = new String[128];
  private final AudioDecoder[] decoders = new AudioDecoder[128];
  private final boolean[] codecNoted = new boolean[128];

  private boolean paused;
  private boolean removed;
  private boolean restartPending;

  // a source on probation
  private long candidateSsrc = NONE;
  private int candidateSeq;
  private byte[] candidate;
  private int candidateLength;
  private long candidateArrival;

  // the current source
  private long ssrc;
  private SequenceTracker sequence;
  private JitterEstimator jitter;
  private long lastTimestamp;
  private long lastExtTimestamp;
  private final StreamPlacement placement;

  // decoding in order
  private long nextDecodeSeq;
  private int lastFrameSamples;
  private AudioDecoder lastDecoder;
  private long rtcpArrival;

  private final HeldPackets held = new HeldPackets();
  private final TelephoneEvents events = new TelephoneEvents(this);
  private int eventClockRate = 8000;

  // figures, over all sources
  private long used;
  private long late;
  private long expectedBefore;
  private long receivedBefore;
  private long duplicatesBefore;
  private final Mean jitterMillis = new Mean();

  StreamRecorder(SessionRecorder session, String label, int channel) {
    this.session = session;
    this.label = label;
    this.channel = channel;
    this.placement = new StreamPlacement(session);
  }

  /** The payload formats the stream may use from now on. */
  void formats(List<PayloadFormat> formats) {
    Codec[] before = codecs.clone();
    java.util.Arrays.fill(codecs, null);
    for (PayloadFormat f : formats) {
      Codec.find(f.encoding(), f.clockRate(), f.payloadType())
          .ifPresent(c -> {
            codecs[f.payloadType()] = c;
            clockRates[f.payloadType()] = c == Codec.TELEPHONE_EVENT ? f.clockRate() : clock(c);
            encodings[f.payloadType()] = f.encoding().isBlank() ? c.encoding() : f.encoding();
          });
    }
    for (int pt = 0; pt < 128; pt++) {
      if (codecs[pt] != before[pt]) {
        decoders[pt] = null;
      }
    }
  }

  private static int clock(Codec c) {
    return c == Codec.OPUS ? 48000 : 8000;
  }

  /** Hold and resume: a paused stream's packets are dropped and its channel gets silence. */
  void paused(boolean value) {
    if (value && !paused) {
      endSegment();
      candidateSsrc = NONE;
    }
    if (!value && paused) {
      restartPending = true;
    }
    paused = value;
  }

  boolean isRemoved() {
    return removed;
  }

  /** The stream is gone: decode what is held and take no more packets. */
  void remove() {
    if (!removed) {
      endSegment();
      removed = true;
    }
  }

  @Override
  public void rtp(byte[] b, int off, int len, long arrivalNanos) {
    if (removed || session.isFinished()) {
      session.metrics().drop(Drop.CLOSED);
      return;
    }
    if (paused) {
      session.metrics().drop(Drop.PAUSED);
      return;
    }
    int pt = RtpHeader.payloadType(b, off);
    Codec codec = codecs[pt];
    if (codec == null) {
      session.metrics().drop(Drop.UNKNOWN_PAYLOAD_TYPE);
      return;
    }
    long packetSsrc = RtpHeader.ssrc(b, off);
    if (sequence == null || packetSsrc != ssrc) {
      if (!confirmSource(packetSsrc, codec, pt, b, off, len, arrivalNanos)) {
        return;
      }
    } else if (restartPending) {
      startSource(packetSsrc, codec, pt); // resumed after hold: a new run of the same source
    }
    SequenceTracker.Outcome outcome = sequence.update(RtpHeader.sequenceNumber(b, off));
    switch (outcome) {
      case DUPLICATE -> {
        session.metrics().drop(Drop.DUPLICATE);
        return;
      }
      case BAD_JUMP -> {
        session.metrics().drop(Drop.BAD_SEQUENCE);
        return;
      }
      default -> {}
    }
    long ext = sequence.extended();
    long ts = extendTimestamp(RtpHeader.timestamp(b, off), outcome);
    jitterMillis.increment(jitter.update(arrivalNanos, ts) * 1000.0 / placement.clockRate());
    long arrivalFrame = session.frameAt(arrivalNanos);
    if (outcome == SequenceTracker.Outcome.FIRST) {
      anchor(ts, arrivalFrame);
      nextDecodeSeq = ext;
    } else if (outcome == SequenceTracker.Outcome.NEWER) {
      if (placement.jumped(ts, arrivalFrame)) {
        anchor(ts, arrivalFrame);
      } else {
        placement.follow(ts, arrivalFrame, this::moveEarlier);
      }
    }
    int payload = off + RtpHeader.headerLength(b, off);
    int payloadLength = RtpHeader.payloadLength(b, off, len);
    switch (codec) {
      case TELEPHONE_EVENT -> {
        eventClockRate = clockRates[pt];
        events.accept(b, payload, payloadLength, ts);
        used++;
      }
      case COMFORT_NOISE -> comfortNoise(outcome, ext);
      default -> audio(outcome, ext, ts, pt, b, payload, payloadLength);
    }
  }

  /**
   * Probation of a new source (RFC 3550 A.1, two packets in sequence): its first packet is kept
   * until the next confirms it, so a stray or forged packet cannot take a stream over; confirmed,
   * the kept packet is processed first.
   *
   * @return true when the packet's source is now the stream's and the packet is to be processed
   */
  private boolean confirmSource(
      long packetSsrc, Codec codec, int pt, byte[] b, int off, int len, long arrivalNanos) {
    int seq = RtpHeader.sequenceNumber(b, off);
    if (candidateSsrc == packetSsrc && seq == ((candidateSeq + 1) & 0xFFFF)) {
      candidateSsrc = NONE;
      startSource(packetSsrc, codec, pt);
      rtp(candidate, 0, candidateLength, candidateArrival);
      return true;
    }
    if (candidateSsrc == packetSsrc && seq == candidateSeq) {
      duplicatesBefore++;
      session.metrics().drop(Drop.DUPLICATE);
      return false;
    }
    if (candidateSsrc != NONE) {
      session.metrics().drop(Drop.UNCONFIRMED_SOURCE);
    }
    if (candidate == null || candidate.length < len) {
      candidate = new byte[Math.max(len, 256)];
    }
    System.arraycopy(b, off, candidate, 0, len);
    candidateLength = len;
    candidateArrival = arrivalNanos;
    candidateSsrc = packetSsrc;
    candidateSeq = seq;
    return false;
  }

  private void startSource(long newSsrc, Codec codec, int pt) {
    if (sequence != null) {
      endSegment();
      expectedBefore += sequence.expected();
      receivedBefore += sequence.received();
      duplicatesBefore += sequence.duplicates();
    }
    ssrc = newSsrc;
    restartPending = false;
    int clockRate = clockRates[pt] > 0 ? clockRates[pt] : clock(codec);
    placement.newSource(clockRate);
    sequence = new SequenceTracker();
    jitter = new JitterEstimator(clockRate);
    for (AudioDecoder d : decoders) {
      if (d != null) {
        d.reset();
      }
    }
    lastDecoder = null;
  }

  /** Ends a run of packets (hold, removal, new source): decodes what is held, closes the event. */
  private void endSegment() {
    flushHeld();
    events.flush();
    placement.endRun();
  }

  private long extendTimestamp(long raw, SequenceTracker.Outcome outcome) {
    if (outcome == SequenceTracker.Outcome.FIRST) {
      lastTimestamp = raw;
      lastExtTimestamp = raw;
      return raw;
    }
    long ext = lastExtTimestamp + (int) (raw - lastTimestamp);
    if (outcome == SequenceTracker.Outcome.NEWER) {
      lastTimestamp = raw;
      lastExtTimestamp = ext;
    }
    return ext;
  }

  /** A new run: what is held belongs to the old one; the decoder's filters restart. */
  private void anchor(long ts, long arrivalFrame) {
    flushHeld();
    placement.anchor(ts, arrivalFrame, this::moveEarlier);
    if (lastDecoder != null) {
      lastDecoder.discontinuity();
    }
  }

  /** The frame where audio of RTP timestamp {@code ts} (extended) belongs. */
  long frameOf(long ts) {
    return placement.frameOf(ts);
  }

  /**
   * Settling and catching up: moves the stream's unwritten audio earlier, when this stream alone
   * writes its channel.
   */
  private boolean moveEarlier(long from, long to, long by) {
    return session.exclusive(this)
        && session.timeline().moveEarlier(channel, from - maxDelay(), to, by);
  }

  private int maxDelay() {
    int delay = 0;
    for (AudioDecoder d : decoders) {
      if (d != null) {
        delay = Math.max(delay, d.delay());
      }
    }
    return delay;
  }

  private void comfortNoise(SequenceTracker.Outcome outcome, long ext) {
    used++;
    if (outcome != SequenceTracker.Outcome.OLDER && held.isEmpty() && ext >= nextDecodeSeq) {
      nextDecodeSeq = ext + 1;
      if (lastDecoder != null) {
        lastDecoder.discontinuity();
      }
      placement.gap();
    }
  }

  private void audio(
      SequenceTracker.Outcome outcome, long ext, long ts, int pt, byte[] b, int off, int len) {
    AudioDecoder decoder = decoder(pt);
    if (!codecNoted[pt]) {
      codecNoted[pt] = true;
      session.noteCodec(encodings[pt]);
    }
    if (!decoder.stateful()) {
      boolean inOrder = outcome != SequenceTracker.Outcome.OLDER;
      if (decode(decoder, b, off, len, frameOf(ts), inOrder)) {
        used++;
      }
      return;
    }
    while (true) {
      if (ext < nextDecodeSeq) {
        late++;
        session.metrics().drop(Drop.LATE);
        return;
      }
      if (ext == nextDecodeSeq) {
        if (decode(decoder, b, off, len, frameOf(ts), true)) {
          used++;
        }
        nextDecodeSeq = ext + 1;
        drainHeld();
        return;
      }
      if (held.add(ext, ts, pt, b, off, len)) {
        return;
      }
      if (held.isEmpty()) {
        nextDecodeSeq = ext; // a payload too large to hold: its gap is lost now
      } else {
        resolveGap(); // no room to wait any longer: give up on the first gap now
      }
    }
  }

  private AudioDecoder decoder(int pt) {
    AudioDecoder d = decoders[pt];
    if (d == null) {
      d = codecs[pt].newDecoder(session.rate());
      decoders[pt] = d;
    }
    return d;
  }

  /**
   * Decodes one payload and places it at {@code frame}.
   *
   * @return whether the packet was used (false when late or undecodable)
   */
  private boolean decode(
      AudioDecoder decoder, byte[] b, int off, int len, long frame, boolean inOrder) {
    long nextFrame = placement.next();
    boolean continuous = inOrder && nextFrame != NONE && Math.abs(frame - nextFrame) <= 1;
    if (!continuous || decoder != lastDecoder) {
      decoder.discontinuity();
    }
    short[] pcm = session.scratch();
    int n = decoder.decode(b, off, len, pcm, 0);
    if (n < 0) {
      session.decodeError(decoder);
      return false;
    }
    // in sequence but earlier than the audio already placed (an anchor moved back): no overlap
    int skip = inOrder && nextFrame != NONE ? (int) Math.clamp(nextFrame - frame, 0, n) : 0;
    long at = frame - decoder.delay();
    int placed = session.timeline().add(channel, at + skip, pcm, skip, n - skip, true);
    placement.placed(frame, n, inOrder);
    if (inOrder) {
      lastDecoder = decoder;
      lastFrameSamples = n;
    } else {
      decoder.discontinuity();
    }
    if (placed == 0 && n > skip) {
      PcmTimeline timeline = session.timeline();
      if (at + n <= timeline.committed()) {
        late++;
        session.metrics().drop(Drop.LATE);
        return false;
      }
      if (at + skip >= timeline.committed() + timeline.capacity()) {
        session.metrics().drop(Drop.AHEAD);
        return false;
      }
    }
    if (n > 0 && skip >= n) {
      session.metrics().drop(Drop.OVERLAP);
      return false;
    }
    return true;
  }

  /** Decodes held packets that are now next in sequence. */
  private void drainHeld() {
    while (!held.isEmpty() && held.firstSeq() == nextDecodeSeq) {
      decodeFirstHeld();
    }
  }

  private void decodeFirstHeld() {
    int pt = held.firstPayloadType();
    if (codecs[pt] != null && codecs[pt].audio()) {
      if (decode(
          decoder(pt),
          held.arena(),
          held.firstOffset(),
          held.firstLength(),
          frameOf(held.firstTimestamp()),
          true)) {
        used++;
      }
    }
    nextDecodeSeq = held.firstSeq() + 1;
    held.removeFirst();
  }

  /**
   * Gives up waiting for the packets missing before the first held one: conceals them (Opus PLC, or
   * FEC from the held packet) up to the concealment limit, then decodes what is held.
   */
  private void resolveGap() {
    if (held.isEmpty()) {
      return;
    }
    long target = frameOf(held.firstTimestamp());
    AudioDecoder decoder = decoder(held.firstPayloadType());
    long nextFrame = placement.next();
    if (nextFrame != NONE && decoder == lastDecoder && target > nextFrame) {
      conceal(decoder, nextFrame, target);
    }
    nextDecodeSeq = held.firstSeq();
    drainHeld();
  }

  private void conceal(AudioDecoder decoder, long from, long to) {
    long limit = Math.min(to, from + session.timing().concealFrames());
    short[] pcm = session.scratch();
    long at = from;
    int frame = Math.max(lastFrameSamples, 1);
    while (at < limit) {
      int want = (int) Math.min(frame, to - at);
      int n =
          at + want >= to
              ? decoder.recover(held.arena(), held.firstOffset(), held.firstLength(), want, pcm, 0)
              : decoder.conceal(want, pcm, 0);
      if (n <= 0) {
        break;
      }
      session.timeline().add(channel, at - decoder.delay(), pcm, 0, n, false);
      at += n;
    }
    placement.concealedTo(at);
  }

  /** Gives up on every gap and decodes everything held. */
  private void flushHeld() {
    while (!held.isEmpty()) {
      resolveGap();
    }
  }

  /**
   * Before the session commits frames below {@code deadline}: held packets due there are decoded,
   * the gaps before them concealed.
   */
  void beforeCommit(long deadline) {
    while (!held.isEmpty() && frameOf(held.firstTimestamp()) < deadline) {
      resolveGap();
    }
  }

  @Override
  public void rtcp(byte[] b, int off, int len, long arrivalNanos) {
    if (removed || session.isFinished() || sequence == null) {
      return;
    }
    rtcpArrival = arrivalNanos;
    RtcpReader.read(b, off, len, this);
  }

  /** A sender report of the current source times the stream ({@link StreamPlacement}). */
  @Override
  public void senderReport(long reportSsrc, long ntpTimestamp, long rtpTimestamp) {
    if (reportSsrc != ssrc || restartPending) {
      return;
    }
    long ts = lastExtTimestamp + (int) (rtpTimestamp - lastTimestamp);
    placement.senderReport(RtcpReader.ntpToNanos(ntpTimestamp), ts, rtcpArrival);
  }

  @Override
  public void event(long startTimestamp, int event, int durationTicks) {
    long frame = frameOf(startTimestamp);
    Duration offset = Duration.ofNanos(Math.max(0, frame) * 1_000_000_000L / session.rate());
    Duration duration = Duration.ofNanos(durationTicks * 1_000_000_000L / eventClockRate);
    Optional<Character> digit =
        session.spec().keepDtmfDigits()
            ? Optional.of(TelephoneEvents.digit(event))
            : Optional.empty();
    session.dtmf(new DtmfEvent(channel, offset, duration, digit));
  }

  /** Adds this stream's figures to a channel's. */
  void addTo(QualityFigures q) {
    long expected = expectedBefore + (sequence == null ? 0 : sequence.expected());
    long received = receivedBefore + (sequence == null ? 0 : sequence.received());
    q.packets += used;
    q.late += late;
    q.lost += Math.max(0, expected - received);
    q.duplicates += duplicatesBefore + (sequence == null ? 0 : sequence.duplicates());
    q.jitterSum += jitterMillis.getResult() * jitterMillis.getN();
    q.jitterCount += jitterMillis.getN();
  }

  /** One channel's figures being summed over its streams. */
  static final class QualityFigures {
    long packets;
    long lost;
    long late;
    long duplicates;
    double jitterSum;
    long jitterCount;
  }
}
