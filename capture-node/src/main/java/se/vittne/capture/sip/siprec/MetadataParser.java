package se.vittne.capture.sip.siprec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads RFC 7865 metadata documents and the dialects SRCs really send: the namespace with or
 * without {@code :1} (or none), any prefix, {@code id}/{@code session} attributes of the drafts
 * beside {@code participant_id}/{@code session_id}/{@code stream_id}, {@code dataMode} in any case,
 * {@code send}/{@code recv} inside {@code participant} or in {@code participantstreamassoc}, {@code
 * aor} as a {@code nameID} attribute or as an element, and associations that come before the
 * elements they name. Elements the standard does not define (vendor namespaces, {@code
 * extensiondata}, unknown children such as {@code role}) are kept as {@link ExtensionData}.
 *
 * <p>The XML reader refuses document type declarations (see {@link SafeXml}); sizes and counts are
 * bounded by {@link MetadataLimits}.
 */
public final class MetadataParser {
  /** Namespaces of the standard and its drafts; elements in them are read, not kept raw. */
  public static final Set<String> RECORDING_NAMESPACES =
      Set.of("urn:ietf:params:xml:ns:recording:1", "urn:ietf:params:xml:ns:recording");

  private static final int MAX_VALUES = 64;

  private final MetadataLimits limits;

  public MetadataParser(MetadataLimits limits) {
    this.limits = limits;
  }

  /**
   * Parses a document.
   *
   * @throws MetadataException when it is too large, not well-formed, carries a DTD, is not a {@code
   *     recording} document, or exceeds a count limit
   */
  public RecordingMetadata parse(byte[] xml) throws MetadataException {
    if (xml.length > limits.maxBytes()) {
      throw new MetadataException("metadata larger than " + limits.maxBytes() + " bytes");
    }
    Element root = SafeXml.parse(xml).getDocumentElement();
    if (!Dom.local(root).equals("recording")) {
      throw new MetadataException("metadata root is <" + root.getTagName() + ">, not <recording>");
    }
    Walk walk = new Walk(Dom.nullToEmpty(root.getNamespaceURI()), limits);
    walk.recording(root);
    return walk.build();
  }

  /** The state of one parse: builders keyed by id, in document order. */
  private static final class Walk {
    private final String namespace;
    private final MetadataLimits limits;
    private int elements;
    private DataMode dataMode = DataMode.COMPLETE;
    private final Map<String, MetadataGroup> groups = new LinkedHashMap<>();
    private final Map<String, MetadataSession> sessions = new LinkedHashMap<>();
    private final Map<String, ParticipantBuilder> participants = new LinkedHashMap<>();
    private final Map<String, MetadataStream> streams = new LinkedHashMap<>();
    private final List<ExtensionData> extensions = new ArrayList<>();

    Walk(String namespace, MetadataLimits limits) {
      this.namespace = namespace;
      this.limits = limits;
    }

    void recording(Element root) throws MetadataException {
      for (Element child : Dom.children(root)) {
        count();
        if (!isStandard(child)) {
          extensions.add(extension(child));
          continue;
        }
        switch (Dom.local(child)) {
          case "datamode" ->
              dataMode =
                  Dom.text(child).equalsIgnoreCase("partial")
                      ? DataMode.PARTIAL
                      : DataMode.COMPLETE;
          case "group" -> group(child);
          case "session" -> session(child);
          case "participant" -> participant(child);
          case "stream" -> stream(child);
          case "participantstreamassoc" -> streamAssociation(child);
          case "participantsessionassoc" -> sessionAssociation(child);
          case "extensiondata" -> extensions.addAll(extensionData(child));
          default -> {
            // sessionrecordingassoc and unknown standard elements carry nothing we use.
          }
        }
      }
    }

    private void group(Element element) throws MetadataException {
      String id = Dom.attribute(element, "group_id", "id").orElse("group-" + groups.size());
      Optional<String> associateTime = Optional.empty();
      List<ExtensionData> data = new ArrayList<>();
      for (Element child : Dom.children(element)) {
        count();
        String name = Dom.local(child);
        if (isStandard(child) && name.equals("associate-time")) {
          associateTime = nonBlank(Dom.text(child));
        } else if (isStandard(child) && name.equals("extensiondata")) {
          data.addAll(extensionData(child));
        } else {
          data.add(extension(child));
        }
      }
      groups.put(id, new MetadataGroup(id, associateTime, data));
    }

    private void session(Element element) throws MetadataException {
      String id = Dom.attribute(element, "session_id", "id").orElse("session-" + sessions.size());
      Map<String, String> values = new LinkedHashMap<>();
      List<ExtensionData> data = new ArrayList<>();
      for (Element child : Dom.children(element)) {
        count();
        String name = Dom.local(child);
        if (!isStandard(child)) {
          data.add(extension(child));
          continue;
        }
        switch (name) {
          case "sipsessionid", "group-ref", "start-time", "stop-time" ->
              values.putIfAbsent(name, Dom.text(child));
          case "extensiondata" -> data.addAll(extensionData(child));
          case "participant" -> participant(child);
          case "stream" -> stream(child);
          case "associate-time" -> {
            // The drafts' association time of the session adds nothing to start-time.
          }
          default -> data.add(extension(child));
        }
      }
      sessions.put(
          id,
          new MetadataSession(
              id,
              nonBlank(values.get("sipsessionid")),
              nonBlank(values.get("group-ref")),
              nonBlank(values.get("start-time")),
              nonBlank(values.get("stop-time")),
              data));
    }

    private void participant(Element element) throws MetadataException {
      String id =
          Dom.attribute(element, "participant_id", "id")
              .orElse("participant-" + participants.size());
      ParticipantBuilder participant = participant(id);
      Dom.attribute(element, "name").flatMap(Walk::nonBlank).ifPresent(n -> participant.name = n);
      for (Element child : Dom.children(element)) {
        count();
        if (!isStandard(child)) {
          participant.extensions.add(extension(child));
          continue;
        }
        switch (Dom.local(child)) {
          case "nameid" -> nameId(child, participant);
          case "aor" -> nonBlank(Dom.text(child)).ifPresent(a -> participant.aor = a);
          case "name" -> nonBlank(Dom.text(child)).ifPresent(n -> participant.name = n);
          case "send" -> nonBlank(Dom.text(child)).ifPresent(participant.send::add);
          case "recv" -> nonBlank(Dom.text(child)).ifPresent(participant.recv::add);
          case "associate-time", "start-time" ->
              nonBlank(Dom.text(child)).ifPresent(t -> participant.associateTime = t);
          case "disassociate-time", "stop-time" ->
              nonBlank(Dom.text(child)).ifPresent(t -> participant.disassociateTime = t);
          case "extensiondata" -> participant.extensions.addAll(extensionData(child));
          default -> participant.extensions.add(extension(child));
        }
      }
    }

    private void nameId(Element element, ParticipantBuilder participant) throws MetadataException {
      Dom.attribute(element, "aor").flatMap(Walk::nonBlank).ifPresent(a -> participant.aor = a);
      for (Element child : Dom.children(element)) {
        count();
        switch (Dom.local(child)) {
          case "name" -> nonBlank(Dom.text(child)).ifPresent(n -> participant.name = n);
          case "aor" -> nonBlank(Dom.text(child)).ifPresent(a -> participant.aor = a);
          default -> participant.extensions.add(extension(child));
        }
      }
    }

    private void stream(Element element) throws MetadataException {
      String id =
          Dom.attribute(element, "stream_id", "id", "streamid").orElse("stream-" + streams.size());
      Optional<String> label = Dom.attribute(element, "label").flatMap(Walk::nonBlank);
      Optional<String> mode = Optional.empty();
      for (Element child : Dom.children(element)) {
        count();
        switch (Dom.local(child)) {
          case "label" -> label = nonBlank(Dom.text(child));
          case "mode" -> mode = nonBlank(Dom.text(child));
          default -> {
            // associate-time and vendor additions of a stream carry nothing we use.
          }
        }
      }
      if (!streams.containsKey(id) && streams.size() == limits.maxStreams()) {
        throw new MetadataException("more than " + limits.maxStreams() + " streams in metadata");
      }
      streams.put(
          id,
          new MetadataStream(
              id,
              label,
              Dom.attribute(element, "session_id", "session").flatMap(Walk::nonBlank),
              mode));
    }

    private void streamAssociation(Element element) throws MetadataException {
      Optional<String> id = Dom.attribute(element, "participant_id", "id");
      if (id.isEmpty()) {
        return;
      }
      ParticipantBuilder participant = participant(id.get());
      for (Element child : Dom.children(element)) {
        count();
        switch (Dom.local(child)) {
          case "send" -> nonBlank(Dom.text(child)).ifPresent(participant.send::add);
          case "recv" -> nonBlank(Dom.text(child)).ifPresent(participant.recv::add);
          default -> {
            // Nothing else belongs in a stream association.
          }
        }
      }
    }

    private void sessionAssociation(Element element) throws MetadataException {
      Optional<String> id = Dom.attribute(element, "participant_id", "id");
      if (id.isEmpty()) {
        return;
      }
      ParticipantBuilder participant = participant(id.get());
      for (Element child : Dom.children(element)) {
        count();
        switch (Dom.local(child)) {
          case "associate-time" ->
              nonBlank(Dom.text(child)).ifPresent(t -> participant.associateTime = t);
          case "disassociate-time" ->
              nonBlank(Dom.text(child)).ifPresent(t -> participant.disassociateTime = t);
          default -> {
            // Nothing else belongs in a session association.
          }
        }
      }
    }

    private ParticipantBuilder participant(String id) throws MetadataException {
      ParticipantBuilder existing = participants.get(id);
      if (existing != null) {
        return existing;
      }
      if (participants.size() == limits.maxParticipants()) {
        throw new MetadataException(
            "more than " + limits.maxParticipants() + " participants in metadata");
      }
      ParticipantBuilder created = new ParticipantBuilder(id);
      participants.put(id, created);
      return created;
    }

    private List<ExtensionData> extensionData(Element wrapper) throws MetadataException {
      List<ExtensionData> data = new ArrayList<>();
      for (Element child : Dom.children(wrapper)) {
        count();
        data.add(extension(child));
      }
      if (data.isEmpty() && !Dom.text(wrapper).isEmpty()) {
        data.add(extension(wrapper));
      }
      return data;
    }

    private ExtensionData extension(Element element) throws MetadataException {
      Map<String, String> values = new LinkedHashMap<>();
      collectLeaves(element, values);
      return new ExtensionData(
          Dom.nullToEmpty(element.getNamespaceURI()),
          element.getLocalName() != null ? element.getLocalName() : element.getTagName(),
          SafeXml.serialize(element),
          values);
    }

    private void collectLeaves(Element element, Map<String, String> values)
        throws MetadataException {
      List<Element> children = Dom.children(element);
      if (children.isEmpty()) {
        if (values.size() < MAX_VALUES) {
          String name =
              element.getLocalName() != null ? element.getLocalName() : element.getTagName();
          values.putIfAbsent(name, Dom.text(element));
        }
        return;
      }
      for (Element child : children) {
        count();
        collectLeaves(child, values);
      }
    }

    private boolean isStandard(Element element) {
      String ns = Dom.nullToEmpty(element.getNamespaceURI());
      return ns.isEmpty() || ns.equals(namespace) || RECORDING_NAMESPACES.contains(ns);
    }

    private void count() throws MetadataException {
      if (++elements > limits.maxElements()) {
        throw new MetadataException("more than " + limits.maxElements() + " elements in metadata");
      }
    }

    RecordingMetadata build() {
      List<Participant> built = new ArrayList<>();
      for (ParticipantBuilder participant : participants.values()) {
        built.add(participant.build());
      }
      return new RecordingMetadata(
          dataMode,
          namespace,
          List.copyOf(groups.values()),
          List.copyOf(sessions.values()),
          built,
          List.copyOf(streams.values()),
          extensions);
    }

    private static Optional<String> nonBlank(String text) {
      return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
  }
}
