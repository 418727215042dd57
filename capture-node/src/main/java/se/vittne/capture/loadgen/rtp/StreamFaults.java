package se.vittne.capture.loadgen.rtp;

/**
 * Network faults scripted into one stream's packets, drawn from the stream's seeded random
 * generator so that a run can be repeated exactly. Faults act on the packets as sent: a lost packet
 * still consumes its sequence number, so the receiver sees a gap, as with loss in the network.
 *
 * @param lossPercent share of packets never sent, 0 to 100
 * @param reorderPercent share of packets held back and sent after the next one, 0 to 100
 * @param duplicatePercent share of packets sent twice, 0 to 100
 * @param ssrcChangeAtFrame the frame from which the stream has a new SSRC and new random sequence
 *     and timestamp bases, as after a source restart; 0 for never
 */
public record StreamFaults(
    double lossPercent, double reorderPercent, double duplicatePercent, long ssrcChangeAtFrame) {

  /** A clean stream. */
  public static final StreamFaults NONE = new StreamFaults(0, 0, 0, 0);

  public StreamFaults {
    checkPercent("loss", lossPercent);
    checkPercent("reorder", reorderPercent);
    checkPercent("duplicate", duplicatePercent);
    if (ssrcChangeAtFrame < 0) {
      throw new IllegalArgumentException("ssrcChangeAtFrame must be ≥ 0: " + ssrcChangeAtFrame);
    }
  }

  /** Whether any fault is scripted; a clean stream draws no random numbers. */
  public boolean any() {
    return lossPercent > 0 || reorderPercent > 0 || duplicatePercent > 0 || ssrcChangeAtFrame > 0;
  }

  private static void checkPercent(String name, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be between 0 and 100 %: " + value);
    }
  }
}
