package se.vittne.capture.sip.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import se.vittne.capture.media.LocalEndpoint;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.PayloadFormat;

/**
 * Writes the receive-only answer to an offer (RFC 3264 section 6): one media section per offered
 * section, in the offer's order; accepted sections carry the local RTP port, the accepted formats,
 * the offered {@code a=label}, {@code a=recvonly} (or {@code a=inactive} where the offerer sends
 * nothing), {@code a=rtcp-mux} when both sides multiplex, else {@code a=rtcp} when RTCP is not on
 * the next port; rejected sections have port 0.
 */
public final class SdpAnswerWriter {
  private static final String CRLF = "\r\n";

  private SdpAnswerWriter() {}

  /**
   * Writes the answer.
   *
   * @param origin the answerer's origin values
   * @param sections one entry per offered section, in the offer's order
   * @param fallbackAddress the address to announce when an endpoint is bound to a wildcard address
   */
  public static String write(
      AnswerOrigin origin, List<AnsweredSection> sections, InetAddress fallbackAddress) {
    String sessionAddress =
        sections.stream()
            .filter(AnsweredSection::accepted)
            .findFirst()
            .map(s -> address(s.endpoint().orElseThrow().rtp().getAddress(), fallbackAddress))
            .orElse(address(fallbackAddress, fallbackAddress));
    StringBuilder sdp = new StringBuilder(512);
    sdp.append("v=0").append(CRLF);
    sdp.append("o=vittne ")
        .append(origin.sessionId())
        .append(' ')
        .append(origin.version())
        .append(" IN ")
        .append(addressType(origin.address()))
        .append(' ')
        .append(origin.address())
        .append(CRLF);
    sdp.append("s=Vittne").append(CRLF);
    sdp.append("c=IN ").append(addressType(sessionAddress)).append(' ');
    sdp.append(sessionAddress).append(CRLF);
    sdp.append("t=0 0").append(CRLF);
    for (AnsweredSection section : sections) {
      if (section.accepted()) {
        accepted(sdp, section, sessionAddress, fallbackAddress);
      } else {
        rejected(sdp, section.offered());
      }
    }
    return sdp.toString();
  }

  /** The answer's direction for an offered direction (RFC 3264 section 6.1), never sending. */
  public static MediaDirection answerDirection(MediaDirection offered) {
    return offered.sending() ? MediaDirection.RECVONLY : MediaDirection.INACTIVE;
  }

  private static void accepted(
      StringBuilder sdp, AnsweredSection section, String sessionAddress, InetAddress fallback) {
    MediaDescription offered = section.offered();
    LocalEndpoint endpoint = section.endpoint().orElseThrow();
    InetSocketAddress rtp = endpoint.rtp();
    sdp.append("m=").append(offered.media()).append(' ').append(rtp.getPort()).append(' ');
    sdp.append(offered.protocol());
    for (PayloadFormat format : endpoint.accepted()) {
      sdp.append(' ').append(format.payloadType());
    }
    sdp.append(CRLF);
    String mediaAddress = address(rtp.getAddress(), fallback);
    if (!mediaAddress.equals(sessionAddress)) {
      sdp.append("c=IN ").append(addressType(mediaAddress)).append(' ');
      sdp.append(mediaAddress).append(CRLF);
    }
    for (PayloadFormat format : endpoint.accepted()) {
      sdp.append("a=rtpmap:").append(format.payloadType()).append(' ').append(format.encoding());
      sdp.append('/').append(format.clockRate());
      if (format.channels() > 1) {
        sdp.append('/').append(format.channels());
      }
      sdp.append(CRLF);
      if (!format.fmtp().isEmpty()) {
        sdp.append("a=fmtp:").append(format.payloadType()).append(' ').append(format.fmtp());
        sdp.append(CRLF);
      }
    }
    offered.label().ifPresent(label -> sdp.append("a=label:").append(label).append(CRLF));
    sdp.append("a=")
        .append(answerDirection(section.offeredDirection()).name().toLowerCase(Locale.ROOT))
        .append(CRLF);
    InetSocketAddress rtcp = endpoint.rtcp();
    if (offered.rtcpMux() && rtcp.equals(rtp)) {
      sdp.append("a=rtcp-mux").append(CRLF);
    } else if (rtcp.getPort() != rtp.getPort() + 1
        || !address(rtcp.getAddress(), fallback).equals(mediaAddress)) {
      String rtcpAddress = address(rtcp.getAddress(), fallback);
      sdp.append("a=rtcp:").append(rtcp.getPort()).append(" IN ");
      sdp.append(addressType(rtcpAddress)).append(' ').append(rtcpAddress).append(CRLF);
    }
  }

  private static void rejected(StringBuilder sdp, MediaDescription offered) {
    sdp.append("m=").append(offered.media()).append(" 0 ").append(offered.protocol());
    sdp.append(' ').append(offered.formats().isEmpty() ? "0" : offered.formats().get(0));
    sdp.append(CRLF);
  }

  private static String address(InetAddress address, InetAddress fallback) {
    InetAddress chosen = address == null || address.isAnyLocalAddress() ? fallback : address;
    String text = chosen.getHostAddress();
    int scope = text.indexOf('%');
    return scope >= 0 ? text.substring(0, scope) : text;
  }

  private static String addressType(String address) {
    return address.indexOf(':') >= 0 ? "IP6" : "IP4";
  }
}
