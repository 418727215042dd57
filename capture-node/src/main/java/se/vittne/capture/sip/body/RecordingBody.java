package se.vittne.capture.sip.body;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request's body carries for a recording session.
 *
 * @param sdp the SDP offer, when there is one
 * @param metadata the SIPREC metadata document (RFC 7865), when there is one
 * @param ignoredTypes media types of parts that were neither, e.g. {@code application/gtd}
 */
public record RecordingBody(
    Optional<String> sdp, Optional<byte[]> metadata, List<String> ignoredTypes) {
  public RecordingBody {
    Objects.requireNonNull(sdp, "sdp");
    metadata = metadata.map(byte[]::clone);
    ignoredTypes = List.copyOf(ignoredTypes);
  }

  @Override
  public Optional<byte[]> metadata() {
    return metadata.map(byte[]::clone);
  }

  public static RecordingBody empty() {
    return new RecordingBody(Optional.empty(), Optional.empty(), List.of());
  }
}
