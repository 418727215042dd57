package se.vittne.capture.loadgen.rtp;

import java.net.InetSocketAddress;
import java.util.Objects;
import se.vittne.capture.loadgen.audio.PayloadLoop;

/**
 * What one stream sends, decided when its call is answered.
 *
 * @param label the SDP label of the stream (RFC 4574), for reports
 * @param destination where to send, from the answer's c= and m= lines
 * @param payloadType the RTP payload type to put in the header
 * @param payloads the encoded audio, played in a loop
 * @param ssrc the SSRC, 0 to 2^32-1, unique among the generator's streams
 * @param startTick the pacer tick that sends the first frame
 * @param frames how many frames to send (the hold time in 20 ms frames)
 * @param socketIndex which of the sender's local sockets sends it (the port in the offer)
 * @param faults scripted faults, {@link StreamFaults#NONE} for a clean stream
 * @param toneHz the tone the payloads carry, 0 for other audio; for reports and checks
 */
public record StreamPlan(
    String label,
    InetSocketAddress destination,
    int payloadType,
    PayloadLoop payloads,
    long ssrc,
    long startTick,
    long frames,
    int socketIndex,
    StreamFaults faults,
    int toneHz) {
  public StreamPlan {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(payloads, "payloads");
    Objects.requireNonNull(faults, "faults");
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range: " + payloadType);
    }
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("SSRC out of range: " + ssrc);
    }
    if (frames < 0) {
      throw new IllegalArgumentException("frames must be ≥ 0: " + frames);
    }
  }
}
