package se.vittne.capture.sip.sdp;

import java.util.Objects;

/** An {@code a=rtpmap} attribute (RFC 8866 section 6.6). */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {
  public RtpMap {
    Objects.requireNonNull(encoding, "encoding");
  }
}
