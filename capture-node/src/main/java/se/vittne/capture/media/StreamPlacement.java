package se.vittne.capture.media;

/**
 * Where one stream's audio goes on its session's timeline, for its current source:
 *
 * <ul>
 *   <li>a run of packets is <b>anchored</b> at its first packet's arrival (never before the end of
 *       the previous run's audio, so runs follow on without mixing; audio of the previous run that
 *       lies ahead of real time moves back first), and the packets after it are placed by their RTP
 *       timestamps relative to that anchor;
 *   <li>a packet in sequence whose timestamp is ahead of its arrival by more than the jump limit
 *       calls for a new anchor ({@link #jumped}); one behind by as much does only when the stream
 *       stays that far behind for as long again (a sender whose clock stopped): a burst of packets
 *       delayed by a stalled sender, path or host keeps the place its timestamps give it, so that
 *       the stream does not move ahead of real time with every stall;
 *   <li><b>settling</b>: for the first {@value #SETTLE_PACKETS} packets after an anchor, one that
 *       arrives earlier than the anchor predicts proves the anchor packet was delayed, and the run
 *       moves earlier, with the audio it has placed and not yet written;
 *   <li><b>drift</b>: from RTCP sender reports where the sender sends them; otherwise the
 *       least-delayed packet of each {@value #DRIFT_WINDOW}-packet window should sit at its
 *       arrival, and an offset beyond the tolerance that the window before already showed half of
 *       is corrected (10 s of evidence, so a passing delay of the path or of this host is not).
 * </ul>
 *
 * Used by the stream's writer thread only.
 */
final class StreamPlacement {
  /** Packets per drift window (5 s of 20 ms packets). */
  static final int DRIFT_WINDOW = 250;

  /** Packets after an anchor during which an early packet moves the run earlier. */
  static final int SETTLE_PACKETS = 50;

  static final long NONE = Long.MIN_VALUE;

  /** Moves a run's placed audio earlier on the timeline, if it can. */
  interface Mover {
    boolean moveEarlier(long from, long to, long by);
  }

  private final SessionRecorder session;
  private int clockRate = 8000;
  private long anchorFrame;
  private long anchorTimestamp;

  /** The first frame placed since the anchor. */
  private long start = NONE;

  /** The frame after the audio placed last in sequence. */
  private long next = NONE;

  /** The end of the audio placed before the current anchor. */
  private long floor = NONE;

  private int sinceAnchor;
  private long windowMaxDeviation = NONE;
  private long previousWindowDeviation;
  private int windowPackets;
  private boolean senderReportTimed;
  private long ownNtpOffset = NONE;

  /** The arrival of the first packet of the current stretch far behind its place, or NONE. */
  private long behindSince = NONE;

  StreamPlacement(SessionRecorder session) {
    this.session = session;
  }

  /** A new source: its clock rate; sender reports of the old one no longer apply. */
  void newSource(int sourceClockRate) {
    clockRate = sourceClockRate;
    senderReportTimed = false;
    ownNtpOffset = NONE;
    endRun();
  }

  int clockRate() {
    return clockRate;
  }

  /**
   * Anchors a run: RTP timestamp {@code ts} (extended) belongs at {@code frame}. Where the audio
   * placed before runs past {@code frame} by more than the drift tolerance, that audio is ahead of
   * real time (a late run's packets came faster than real time, e.g. a backlog of this host's): its
   * unwritten part moves back to end at {@code frame}, what would land on written audio is dropped,
   * and the new run starts at its arrival. Without this the floor would keep the stream that far
   * ahead for good, and beyond the ring its audio would be lost.
   */
  void anchor(long ts, long frame, Mover mover) {
    endRun();
    if (floor != NONE && floor - frame > session.timing().driftFrames()) {
      PcmTimeline timeline = session.timeline();
      long from = timeline.committed();
      long to = Math.min(floor, from + timeline.capacity());
      long by = floor - frame;
      if (mover.moveEarlier(from, to, by)) {
        floor = frame;
      }
    }
    anchorTimestamp = ts;
    anchorFrame = floor == NONE ? frame : Math.max(frame, floor);
    behindSince = NONE;
    start = NONE;
    sinceAnchor = 0;
    windowMaxDeviation = NONE;
    previousWindowDeviation = 0;
    windowPackets = 0;
  }

  /** Ends a run (hold, new source, comfort noise): what comes next starts a new stretch. */
  void endRun() {
    if (next != NONE) {
      floor = floor == NONE ? next : Math.max(floor, next);
    }
    next = NONE;
  }

  /** Forgets where the last audio ended without ending the run (DTX, comfort noise). */
  void gap() {
    next = NONE;
  }

  /** The frame where audio of RTP timestamp {@code ts} (extended) belongs. */
  long frameOf(long ts) {
    return anchorFrame + Math.floorDiv((ts - anchorTimestamp) * session.rate(), clockRate);
  }

  /** The frame after the audio placed last in sequence, or {@link #NONE}. */
  long next() {
    return next;
  }

  /** Audio was concealed (not received) up to {@code frame}. */
  void concealedTo(long frame) {
    next = frame;
  }

  /** Notes audio placed at {@code [frame, frame + n)}. */
  void placed(long frame, int n, boolean inOrder) {
    if (start == NONE || frame < start) {
      start = frame;
    }
    if (inOrder) {
      next = Math.max(next, frame + n);
    }
  }

  /**
   * Whether an in-sequence packet's timestamp strays so far from its arrival that it jumped: ahead
   * by more than the jump limit, or behind by as much for longer than the jump limit. A packet that
   * is merely late (a sender or path stalled and then sent what was due at once) is no jump:
   * re-anchoring it at its arrival would place the stream, and through the floor every later
   * packet, that much ahead of real time for good, until its audio no longer fits the ring.
   */
  boolean jumped(long ts, long arrivalFrame) {
    long deviation = frameOf(ts) - arrivalFrame;
    long limit = session.timing().jumpFrames();
    if (-deviation <= limit) {
      behindSince = NONE;
      return deviation > limit;
    }
    if (behindSince == NONE) {
      behindSince = arrivalFrame;
    }
    return arrivalFrame - behindSince > limit;
  }

  /** Compares an in-sequence packet's place with its arrival: settling and drift. */
  void follow(long ts, long arrivalFrame, Mover mover) {
    if (senderReportTimed) {
      return;
    }
    Timing t = session.timing();
    long deviation = frameOf(ts) - arrivalFrame;
    if (++sinceAnchor <= SETTLE_PACKETS && deviation > t.settleFrames()) {
      settle(deviation, mover);
      return;
    }
    windowMaxDeviation = Math.max(windowMaxDeviation, deviation);
    if (++windowPackets >= DRIFT_WINDOW) {
      long d = windowMaxDeviation;
      long p = previousWindowDeviation;
      if (Math.abs(d) > t.driftFrames()
          && Math.abs(p) > t.driftFrames() / 2
          && Long.signum(d) == Long.signum(p)) {
        anchorFrame -= d;
        d = 0;
      }
      previousWindowDeviation = d;
      windowMaxDeviation = NONE;
      windowPackets = 0;
    }
  }

  private void settle(long deviation, Mover mover) {
    long from = start == NONE ? anchorFrame : start;
    long to = next == NONE ? from : next;
    long by = floor == NONE ? deviation : Math.min(deviation, from - floor);
    if (by > 0 && mover.moveEarlier(from, to, by)) {
      anchorFrame -= by;
      if (next != NONE) {
        next -= by;
      }
      if (start != NONE) {
        start -= by;
      }
    }
  }

  /**
   * A sender report of the current source maps RTP timestamp {@code ts} (extended) to the sender's
   * wallclock; where the session knows how that clock relates to ours, the stream moves to where
   * the sender says its audio belongs, and follows the reports rather than arrival from now on.
   */
  void senderReport(long ntpNanos, long ts, long arrivalNanos) {
    long offset = arrivalNanos - ntpNanos;
    ownNtpOffset = ownNtpOffset == NONE ? offset : Math.min(ownNtpOffset, offset);
    long sessionOffset = session.senderClockOffset(ownNtpOffset);
    long difference = frameOf(ts) - session.frameAt(ntpNanos + sessionOffset);
    if (Math.abs(difference) > session.timing().driftFrames() / 2) {
      anchorFrame -= difference;
    }
    senderReportTimed = true;
  }
}
