package se.vittne.capture.media;

import java.util.Objects;

/**
 * An RTP payload format from an SDP {@code a=rtpmap} (RFC 4566 section 6), or a static payload type
 * of RFC 3551.
 *
 * @param payloadType the RTP payload type number, 0 to 127
 * @param encoding the encoding name as written in SDP ({@code PCMU}, {@code opus}, ...)
 * @param clockRate the RTP clock rate
 * @param channels the number of audio channels (1 unless the rtpmap says otherwise)
 * @param fmtp the {@code a=fmtp} parameters, empty if none
 */
public record PayloadFormat(
    int payloadType, String encoding, int clockRate, int channels, String fmtp) {
  public PayloadFormat {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range: " + payloadType);
    }
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(fmtp, "fmtp");
  }
}
