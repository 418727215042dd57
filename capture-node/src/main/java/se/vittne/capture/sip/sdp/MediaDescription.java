package se.vittne.capture.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.PayloadFormat;

/**
 * One media section of an SDP description: its {@code m=} line and the attributes under it.
 *
 * @param index the section's position in the description, from 0
 * @param media the media type ({@code audio}, {@code video}, ...)
 * @param port the port; 0 means the stream is disabled (RFC 3264 section 5.1)
 * @param protocol the transport protocol as written ({@code RTP/AVP}, ...)
 * @param formats the format list as written
 * @param connection the section's own {@code c=} line, if any
 * @param rtpmaps {@code a=rtpmap} attributes by payload type
 * @param fmtps {@code a=fmtp} parameters by payload type
 * @param direction the section's own direction attribute, if any
 * @param label the {@code a=label} of RFC 4574 that SIPREC metadata refers to, if any
 * @param rtcpMux whether {@code a=rtcp-mux} is present
 * @param rtcpPort the port of {@code a=rtcp}, if present
 */
public record MediaDescription(
    int index,
    String media,
    int port,
    String protocol,
    List<String> formats,
    Optional<ConnectionAddress> connection,
    Map<Integer, RtpMap> rtpmaps,
    Map<Integer, String> fmtps,
    Optional<MediaDirection> direction,
    Optional<String> label,
    boolean rtcpMux,
    OptionalInt rtcpPort) {
  public MediaDescription {
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(protocol, "protocol");
    formats = List.copyOf(formats);
    Objects.requireNonNull(connection, "connection");
    rtpmaps = Map.copyOf(rtpmaps);
    fmtps = Map.copyOf(fmtps);
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(rtcpPort, "rtcpPort");
  }

  /** Whether this is audio over plain RTP, the only kind the recorder receives. */
  public boolean isPlainRtpAudio() {
    String proto = protocol.toUpperCase(Locale.ROOT);
    return media.equalsIgnoreCase("audio") && (proto.equals("RTP/AVP") || proto.equals("RTP/AVPF"));
  }

  /**
   * The offered payload formats in the offer's order: from {@code a=rtpmap}, else from the static
   * table of RFC 3551. A dynamic payload type without rtpmap cannot be known and is left out.
   */
  public List<PayloadFormat> payloadFormats() {
    List<PayloadFormat> out = new ArrayList<>();
    for (String format : formats) {
      int pt;
      try {
        pt = Integer.parseInt(format);
      } catch (NumberFormatException e) {
        continue;
      }
      if (pt < 0 || pt > 127) {
        continue;
      }
      Optional<RtpMap> map = Optional.ofNullable(rtpmaps.get(pt));
      if (map.isEmpty()) {
        map = StaticPayloadTypes.lookup(pt);
      }
      map.ifPresent(m ->
          out.add(
              new PayloadFormat(
                  pt, m.encoding(), m.clockRate(), m.channels(), fmtps.getOrDefault(pt, ""))));
    }
    return List.copyOf(out);
  }
}
