package se.vittne.capture.loadgen.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.SplittableRandom;
import se.vittne.capture.loadgen.audio.PayloadLoop;

/**
 * One RTP stream being sent: frame {@code n} is due on tick {@code startTick + n} and carries
 * payload {@code n} of the loop, sequence number {@code base + n} and timestamp {@code base + n ×
 * increment} (RFC 3550 section 5.1; random bases, as section 5.1 recommends). The first packet, and
 * the first after an SSRC change, has the marker bit (RFC 3551 section 4.1: start of a talkspurt).
 *
 * <p>Deliberately stateful; used by the pacer's thread only.
 */
public final class RtpStream {
  private final StreamPlan plan;
  private final SplittableRandom random;
  private final int timestampIncrement;
  private long frameCount;
  private long nextFrame;
  private long ssrc;
  private int sequenceBase;
  private long timestampBase;
  private long epochStart;
  private long heldFrame = -1;
  private final StreamCounters counters = new StreamCounters();

  /**
   * @param plan what to send where
   * @param random draws the SSRC (if the plan has none), the bases and the faults
   */
  public RtpStream(StreamPlan plan, SplittableRandom random) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.random = random;
    this.timestampIncrement = plan.payloads().codec().timestampIncrement();
    this.frameCount = plan.frames();
    this.ssrc = plan.ssrc();
    this.sequenceBase = random.nextInt(1 << 16);
    this.timestampBase = random.nextLong(1L << 32);
  }

  public StreamPlan plan() {
    return plan;
  }

  /** The SSRC of the packets sent now. */
  public long ssrc() {
    return ssrc;
  }

  public StreamCounters counters() {
    return counters;
  }

  /** Whether every frame was sent (or the stream was stopped) and nothing is held back. */
  public boolean finished() {
    return nextFrame >= frameCount && heldFrame < 0;
  }

  /** Ends the stream after the frames already sent; a held-back packet still goes out. */
  public void stop() {
    frameCount = Math.min(frameCount, nextFrame);
  }

  /** Emits every frame due up to and including {@code tick}. */
  public void emitDue(long tick, PacketSink sink) {
    while (nextFrame < frameCount && plan.startTick() + nextFrame <= tick) {
      emitFrame(nextFrame++, sink);
    }
    if (nextFrame >= frameCount && heldFrame >= 0) {
      sendHeld(sink);
    }
  }

  private void emitFrame(long frame, PacketSink sink) {
    StreamFaults faults = plan.faults();
    if (faults.ssrcChangeAtFrame() > 0 && frame == faults.ssrcChangeAtFrame()) {
      newSource(frame);
    }
    if (!faults.any()) {
      send(frame, sink);
      return;
    }
    if (draw(faults.lossPercent())) {
      counters.lost++;
      return;
    }
    if (heldFrame < 0 && draw(faults.reorderPercent())) {
      heldFrame = frame; // goes out after the next frame's packet
      return;
    }
    send(frame, sink);
    if (draw(faults.duplicatePercent())) {
      counters.duplicated++;
      send(frame, sink);
    }
    if (heldFrame >= 0) {
      sendHeld(sink);
    }
  }

  private void sendHeld(PacketSink sink) {
    counters.reordered++;
    long frame = heldFrame;
    heldFrame = -1;
    send(frame, sink);
  }

  /** A new synchronization source: new SSRC, new random bases (RFC 3550 section 8.2). */
  private void newSource(long frame) {
    long previous = ssrc;
    do {
      ssrc = random.nextLong(1L << 32);
    } while (ssrc == previous);
    sequenceBase = random.nextInt(1 << 16);
    timestampBase = random.nextLong(1L << 32);
    epochStart = frame;
    counters.ssrcChanges++;
  }

  private void send(long frame, PacketSink sink) {
    byte[] payload = plan.payloads().frame(frame);
    long sinceEpoch = frame - epochStart;
    ByteBuf packet = sink.allocate(RtpHeader.LENGTH + payload.length);
    RtpHeader.write(
        packet,
        plan.payloadType(),
        sinceEpoch == 0,
        (int) (sequenceBase + sinceEpoch),
        timestampBase + sinceEpoch * timestampIncrement,
        ssrc);
    packet.writeBytes(payload);
    counters.packets++;
    counters.bytes += packet.readableBytes();
    sink.send(packet, plan.destination(), plan.socketIndex());
  }

  private boolean draw(double percent) {
    return percent > 0 && random.nextDouble() * 100 < percent;
  }

  /** The loop this stream plays (for tests and reports). */
  public PayloadLoop payloads() {
    return plan.payloads();
  }

  /** Where the stream is sent. */
  public InetSocketAddress destination() {
    return plan.destination();
  }
}
