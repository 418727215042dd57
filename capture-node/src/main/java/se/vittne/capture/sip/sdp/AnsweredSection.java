package se.vittne.capture.sip.sdp;

import java.util.Objects;
import java.util.Optional;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaDirection;

/**
 * How one offered media section is answered: received at a local endpoint, or rejected (port 0).
 *
 * @param offered the offered section
 * @param offeredDirection the direction that applies to the offered section
 * @param endpoint where the stream is received; empty to reject the section
 */
public record AnsweredSection(
    MediaDescription offered, MediaDirection offeredDirection, Optional<LocalEndpoint> endpoint) {
  public AnsweredSection {
    Objects.requireNonNull(offered, "offered");
    Objects.requireNonNull(offeredDirection, "offeredDirection");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Whether the section is answered with a live port and at least one format. */
  public boolean accepted() {
    return endpoint.isPresent() && !endpoint.get().accepted().isEmpty();
  }
}
