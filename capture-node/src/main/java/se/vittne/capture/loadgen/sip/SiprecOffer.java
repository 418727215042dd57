package se.vittne.capture.loadgen.sip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import se.vittne.capture.loadgen.audio.Codec;

/**
 * The body of a SIPREC INVITE (RFC 7866 section 9.1): a multipart/mixed (RFC 2046 section 5.1) of
 * an SDP offer with one send-only audio m-line per recorded stream, each with its {@code a=label},
 * and the recording metadata (RFC 7865) with {@code Content-Disposition: recording-session}.
 *
 * @param mediaAddress the address RTP is sent from, for {@code c=} and {@code o=}
 * @param codec the single format offered per m-line
 * @param streams the streams, in m-line order
 * @param metadata the metadata document
 * @param sdpSessionId the SDP origin's session id (RFC 4566 section 5.2)
 */
public record SiprecOffer(
    InetAddress mediaAddress,
    Codec codec,
    List<OfferedStream> streams,
    RecordingMetadata metadata,
    long sdpSessionId) {
  /** The multipart boundary; no body part contains it. */
  public static final String BOUNDARY = "vittne-loadgen-siprec-boundary";

  /** The value of the INVITE's Content-Type header. */
  public static final String CONTENT_TYPE = "multipart/mixed;boundary=" + BOUNDARY;

  public SiprecOffer {
    Objects.requireNonNull(mediaAddress, "mediaAddress");
    Objects.requireNonNull(codec, "codec");
    streams = List.copyOf(streams);
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The multipart body, CRLF line ends throughout. */
  public byte[] body() {
    String crlf = "\r\n";
    String body =
        "--"
            + BOUNDARY
            + crlf
            + "Content-Type: application/sdp"
            + crlf
            + crlf
            + sdp()
            + crlf
            + "--"
            + BOUNDARY
            + crlf
            + "Content-Type: application/rs-metadata+xml"
            + crlf
            + "Content-Disposition: recording-session"
            + crlf
            + crlf
            + metadata.toXml()
            + crlf
            + "--"
            + BOUNDARY
            + "--"
            + crlf;
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** The SDP offer (RFC 4566 section 5; RFC 3264 section 5). */
  public String sdp() {
    String addressType = mediaAddress instanceof Inet6Address ? "IP6" : "IP4";
    String address = mediaAddress.getHostAddress();
    StringBuilder sdp = new StringBuilder(512);
    line(sdp, "v=0");
    line(sdp, "o=vittne-loadgen " + sdpSessionId + " 1 IN " + addressType + " " + address);
    line(sdp, "s=SIPREC load");
    line(sdp, "c=IN " + addressType + " " + address);
    line(sdp, "t=0 0");
    for (OfferedStream stream : streams) {
      line(sdp, "m=audio " + stream.port() + " RTP/AVP " + codec.payloadType());
      line(sdp, "a=rtpmap:" + codec.rtpmap());
      if (codec == Codec.OPUS) {
        line(sdp, "a=fmtp:" + codec.payloadType() + " useinbandfec=1");
      }
      line(sdp, "a=ptime:" + Codec.FRAME_MILLIS);
      line(sdp, "a=label:" + stream.label());
      line(sdp, "a=sendonly");
    }
    return sdp.toString();
  }

  private static void line(StringBuilder out, String line) {
    out.append(line).append("\r\n");
  }
}
