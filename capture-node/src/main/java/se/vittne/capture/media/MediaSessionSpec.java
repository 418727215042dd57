package se.vittne.capture.media;

import java.util.Objects;

/**
 * What the media engine needs to know about a recording session.
 *
 * @param sessionId unique id of the recording session; names the spool file
 * @param callId the SIP Call-ID, for logs
 * @param channels 2 for one party per channel (the default), 1 for a single mixed stream
 * @param keepDtmfDigits whether the digits of RFC 4733 telephone events are kept (tenant setting);
 *     their timing is always kept
 */
public record MediaSessionSpec(
    String sessionId, String callId, int channels, boolean keepDtmfDigits) {
  public MediaSessionSpec {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
    }
  }
}
