package se.vittne.capture.sip.siprec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code session} (RFC 7865 section 6.4): the recorded communication session.
 *
 * @param id the session_id (or {@code id} in older dialects)
 * @param sipSessionId the {@code sipSessionID} of RFC 7989, if given
 * @param groupRef the group the session belongs to, if given
 * @param startTime when the session started, as written
 * @param stopTime when it stopped, as written
 * @param extensions the session's extension data
 */
public record MetadataSession(
    String id,
    Optional<String> sipSessionId,
    Optional<String> groupRef,
    Optional<String> startTime,
    Optional<String> stopTime,
    List<ExtensionData> extensions) {
  public MetadataSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sipSessionId, "sipSessionId");
    Objects.requireNonNull(groupRef, "groupRef");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(stopTime, "stopTime");
    extensions = List.copyOf(extensions);
  }

  /** An extension leaf value by local name, if present. */
  public Optional<String> extensionValue(String localName) {
    return Extensions.value(extensions, localName);
  }
}
