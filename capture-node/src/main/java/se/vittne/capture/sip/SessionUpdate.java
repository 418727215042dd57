package se.vittne.capture.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.siprec.RecordingMetadata;

/**
 * A change to a running session, from a re-INVITE or an UPDATE.
 *
 * @param sessionId the session's id, as in its offer
 * @param callId the SIP Call-ID
 * @param method {@code INVITE} or {@code UPDATE}
 * @param added streams offered for the first time
 * @param changed existing streams with new formats, direction (pause/resume), remote address or
 *     rtcp-mux
 * @param removed labels of streams no longer received (port 0 or gone from the offer)
 * @param streams all live streams after the change
 * @param metadata the merged metadata after the change, if the session has any
 * @param metadataChanged whether this request carried new metadata
 * @param facts the facts derived again from the merged metadata and the original INVITE's headers
 */
public record SessionUpdate(
    String sessionId,
    String callId,
    String method,
    List<StreamSpec> added,
    List<StreamSpec> changed,
    List<String> removed,
    List<StreamSpec> streams,
    Optional<RecordingMetadata> metadata,
    boolean metadataChanged,
    SignalledFacts facts) {
  public SessionUpdate {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(method, "method");
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    streams = List.copyOf(streams);
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(facts, "facts");
  }

  /** Whether any stream was added, changed or removed. */
  public boolean mediaChanged() {
    return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
  }

  /**
   * Whether the SRC has paused the whole recording: no live stream is being sent (direction
   * inactive or recvonly, or the hold address {@code c=0.0.0.0}).
   */
  public boolean paused() {
    return streams.stream().noneMatch(s -> s.direction().sending() && s.remote().isPresent());
  }
}
