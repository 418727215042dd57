package se.vittne.capture.sip.siprec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One recording session's metadata (RFC 7865): a whole document, or the merged picture after
 * partial updates.
 *
 * @param dataMode whether the document was complete or partial
 * @param namespace the root element's namespace as sent ({@code
 *     urn:ietf:params:xml:ns:recording:1}, the older {@code urn:ietf:params:xml:ns:recording}, or
 *     empty)
 * @param groups the groups
 * @param sessions the recorded communication sessions
 * @param participants the participants in document order
 * @param streams the streams
 * @param extensions extension data found directly under the root
 */
public record RecordingMetadata(
    DataMode dataMode,
    String namespace,
    List<MetadataGroup> groups,
    List<MetadataSession> sessions,
    List<Participant> participants,
    List<MetadataStream> streams,
    List<ExtensionData> extensions) {
  public RecordingMetadata {
    Objects.requireNonNull(dataMode, "dataMode");
    Objects.requireNonNull(namespace, "namespace");
    groups = List.copyOf(groups);
    sessions = List.copyOf(sessions);
    participants = List.copyOf(participants);
    streams = List.copyOf(streams);
    extensions = List.copyOf(extensions);
  }

  public Optional<Participant> participant(String id) {
    return participants.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The stream tied to an SDP {@code a=label}, if the metadata names one. */
  public Optional<MetadataStream> streamByLabel(String label) {
    return streams.stream().filter(s -> s.label().filter(label::equals).isPresent()).findFirst();
  }

  /** The participants that send the stream with this SDP label (usually one). */
  public List<Participant> sendersOf(String label) {
    Optional<MetadataStream> stream = streamByLabel(label);
    if (stream.isEmpty()) {
      return List.of();
    }
    String id = stream.get().id();
    return participants.stream().filter(p -> p.send().contains(id)).toList();
  }

  /**
   * Applies a later document: a complete one replaces this picture; a partial one (RFC 7865 section
   * 6.1.1) changes only the elements it names, matched by id.
   */
  public RecordingMetadata mergedWith(RecordingMetadata update) {
    if (update.dataMode == DataMode.COMPLETE) {
      return update;
    }
    List<Participant> mergedParticipants =
        merge(participants, update.participants, Participant::id, Participant::mergedWith);
    return new RecordingMetadata(
        dataMode,
        namespace,
        merge(groups, update.groups, MetadataGroup::id, (a, b) -> b),
        merge(sessions, update.sessions, MetadataSession::id, (a, b) -> b),
        mergedParticipants,
        merge(streams, update.streams, MetadataStream::id, (a, b) -> b),
        update.extensions.isEmpty() ? extensions : update.extensions);
  }

  private static <T> List<T> merge(
      List<T> current,
      List<T> changes,
      Function<T, String> id,
      java.util.function.BinaryOperator<T> combine) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : current) {
      byId.put(id.apply(item), item);
    }
    for (T change : changes) {
      byId.merge(id.apply(change), change, combine);
    }
    return new ArrayList<>(byId.values());
  }
}
