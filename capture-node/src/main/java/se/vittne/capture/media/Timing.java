package se.vittne.capture.media;

/**
 * The engine's time settings in frames of one recording's sample rate, and the ring size they need.
 */
record Timing(
    int rate,
    long windowFrames,
    long flushFrames,
    long tickFrames,
    long jumpFrames,
    long driftFrames,
    long concealFrames,
    long settleFrames,
    int ringFrames) {

  /** How often writers advance their sessions' timelines. */
  static final long TICK_NANOS = 20_000_000L;

  /** How much earlier than its anchor a new stream's packet must be to move the stream. */
  static final long SETTLE_NANOS = 2_000_000L;

  static Timing of(RtpMediaEngineConfig config, int rate) {
    long window = frames(config.jitterWindow().toNanos(), rate);
    long flush = frames(config.flushInterval().toNanos(), rate);
    long tick = frames(TICK_NANOS, rate);
    long jump = frames(config.timestampJump().toNanos(), rate);
    // the ring holds what waits for the window and the flush, plus a packet up to 120 ms placed
    // as far ahead of its arrival as a timestamp may stray before it counts as a jump
    long needed = window + flush + 2 * tick + jump + frames(120_000_000L, rate);
    int ring = Integer.highestOneBit((int) needed - 1) << 1;
    return new Timing(
        rate,
        window,
        flush,
        tick,
        jump,
        frames(config.driftTolerance().toNanos(), rate),
        frames(config.concealmentLimit().toNanos(), rate),
        frames(SETTLE_NANOS, rate),
        Math.max(ring, 64));
  }

  static long frames(long nanos, int rate) {
    return nanos * rate / 1_000_000_000L;
  }
}
