package se.vittne.capture.loadgen.sip;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The recording metadata of one communication session with two participants (RFC 7865 sections 6
 * and 9): the session, each participant with its AoR, each stream with its SDP label, and which
 * participant sends and receives which stream. Identifiers are UUIDs in base64 (section 6.1).
 *
 * @param sessionId the communication session's UUID
 * @param sipSessionId the recorded call's SIP Session-ID, 32 hex digits (RFC 7989)
 * @param participants caller then callee
 * @param streams the streams, each naming its sending participant by index
 * @param streamIds one UUID per stream, same order
 * @param participantIds one UUID per participant, same order
 * @param startTime when the recorded call started
 */
public record RecordingMetadata(
    UUID sessionId,
    String sipSessionId,
    List<Participant> participants,
    List<OfferedStream> streams,
    List<UUID> streamIds,
    List<UUID> participantIds,
    Instant startTime) {
  /** The metadata's XML namespace (RFC 7865 section 9). */
  public static final String NAMESPACE = "urn:ietf:params:xml:ns:recording:1";

  public RecordingMetadata {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(sipSessionId, "sipSessionId");
    participants = List.copyOf(participants);
    streams = List.copyOf(streams);
    streamIds = List.copyOf(streamIds);
    participantIds = List.copyOf(participantIds);
    Objects.requireNonNull(startTime, "startTime");
    if (streamIds.size() != streams.size() || participantIds.size() != participants.size()) {
      throw new IllegalArgumentException("one identifier per stream and per participant");
    }
  }

  /** The XML document, {@code datamode complete} (section 6.2: the full snapshot). */
  public String toXml() {
    String session = id(sessionId);
    String time = startTime.truncatedTo(ChronoUnit.MILLIS).toString();
    StringBuilder xml = new StringBuilder(2048);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n");
    xml.append("<recording xmlns=\"").append(NAMESPACE).append("\">\r\n");
    xml.append("  <datamode>complete</datamode>\r\n");
    xml.append("  <session session_id=\"").append(session).append("\">\r\n");
    xml.append("    <sipSessionID>").append(escape(sipSessionId)).append("</sipSessionID>\r\n");
    xml.append("    <start-time>").append(time).append("</start-time>\r\n");
    xml.append("  </session>\r\n");
    for (int p = 0; p < participants.size(); p++) {
      Participant participant = participants.get(p);
      xml.append("  <participant participant_id=\"").append(id(participantIds.get(p)));
      xml.append("\">\r\n    <nameID aor=\"").append(escape(participant.aor())).append("\">\r\n");
      xml.append("      <name xml:lang=\"en\">").append(escape(participant.name()));
      xml.append("</name>\r\n    </nameID>\r\n  </participant>\r\n");
    }
    for (int s = 0; s < streams.size(); s++) {
      xml.append("  <stream stream_id=\"").append(id(streamIds.get(s)));
      xml.append("\" session_id=\"").append(session).append("\">\r\n");
      xml.append("    <label>").append(escape(streams.get(s).label())).append("</label>\r\n");
      xml.append("  </stream>\r\n");
    }
    xml.append("  <sessionrecordingassoc session_id=\"").append(session).append("\">\r\n");
    xml.append("    <associate-time>").append(time).append("</associate-time>\r\n");
    xml.append("  </sessionrecordingassoc>\r\n");
    for (int p = 0; p < participants.size(); p++) {
      appendParticipantAssociations(xml, p, session, time);
    }
    xml.append("</recording>\r\n");
    return xml.toString();
  }

  /** Section 6.8 (participant in session) and 6.9 (streams it sends and receives). */
  private void appendParticipantAssociations(
      StringBuilder xml, int participant, String session, String time) {
    String participantId = id(participantIds.get(participant));
    xml.append("  <participantsessionassoc participant_id=\"").append(participantId);
    xml.append("\" session_id=\"").append(session).append("\">\r\n");
    xml.append("    <associate-time>").append(time).append("</associate-time>\r\n");
    xml.append("  </participantsessionassoc>\r\n");
    xml.append("  <participantstreamassoc participant_id=\"").append(participantId);
    xml.append("\">\r\n");
    for (int s = 0; s < streams.size(); s++) {
      String element = streams.get(s).sender() == participant ? "send" : "recv";
      xml.append("    <").append(element).append('>').append(id(streamIds.get(s)));
      xml.append("</").append(element).append(">\r\n");
    }
    xml.append("  </participantstreamassoc>\r\n");
  }

  /** A UUID as the base64 of its 16 octets (RFC 7865 section 6.1). */
  static String id(UUID uuid) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
