package se.vittne.capture.sip.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.vittne.capture.media.MediaDirection;

/**
 * A parsed SDP description.
 *
 * @param origin the {@code o=} line, if present
 * @param connection the session-level {@code c=} line, if any
 * @param direction the session-level direction attribute, if any
 * @param media the media sections in order
 */
public record SessionDescription(
    Optional<Origin> origin,
    Optional<ConnectionAddress> connection,
    Optional<MediaDirection> direction,
    List<MediaDescription> media) {
  public SessionDescription {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(direction, "direction");
    media = List.copyOf(media);
  }

  /** The connection that applies to a section: its own, else the session's. */
  public Optional<ConnectionAddress> connectionOf(MediaDescription section) {
    return section.connection().or(() -> connection);
  }

  /** The direction that applies to a section: its own, else the session's, else sendrecv. */
  public MediaDirection directionOf(MediaDescription section) {
    return section.direction().or(() -> direction).orElse(MediaDirection.SENDRECV);
  }
}
