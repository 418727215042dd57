package se.vittne.capture.loadgen.sip;

import java.util.Objects;

/**
 * One stream of the offer: an SDP m-line and its metadata stream element.
 *
 * @param label the SDP label (RFC 4574) that ties the m-line to the metadata (RFC 7866 section
 *     8.1.1)
 * @param port the local RTP port the stream is sent from
 * @param sender the index of the participant who sends it (0 or 1)
 */
public record OfferedStream(String label, int port, int sender) {
  public OfferedStream {
    Objects.requireNonNull(label, "label");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
