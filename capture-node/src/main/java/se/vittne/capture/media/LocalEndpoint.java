package se.vittne.capture.media;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * Where the capture node receives one stream, for the SDP answer.
 *
 * @param label the stream's label
 * @param rtp the local RTP address
 * @param rtcp the local RTCP address (the RTP address when rtcp-mux is used)
 * @param accepted the offered formats the engine accepted, in the offer's order
 */
public record LocalEndpoint(
    String label, InetSocketAddress rtp, InetSocketAddress rtcp, List<PayloadFormat> accepted) {
  public LocalEndpoint {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(rtp, "rtp");
    Objects.requireNonNull(rtcp, "rtcp");
    accepted = List.copyOf(accepted);
  }
}
