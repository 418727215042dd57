package se.vittne.capture.media;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One offered media stream (an SDP m-line) as the media engine needs it.
 *
 * @param label the stream's identity: the SDP {@code a=label} of SIPREC, or the m-line index
 * @param channel the WAV channel the stream's audio goes to (0 = left, 1 = right)
 * @param formats the offered payload formats, in the offer's order of preference
 * @param direction the direction offered by the sender; {@link MediaDirection#INACTIVE} or a hold
 *     address means paused
 * @param remote where the sender sends from, when known (empty for {@code c=0.0.0.0})
 * @param rtcpMux whether RTCP is multiplexed on the RTP port (RFC 5761)
 */
public record StreamSpec(
    String label,
    int channel,
    List<PayloadFormat> formats,
    MediaDirection direction,
    Optional<InetSocketAddress> remote,
    boolean rtcpMux) {
  public StreamSpec {
    Objects.requireNonNull(label, "label");
    if (channel < 0 || channel > 1) {
      throw new IllegalArgumentException("channel must be 0 or 1: " + channel);
    }
    formats = List.copyOf(formats);
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(remote, "remote");
  }
}
