package se.vittne.capture.loadgen.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.vittne.capture.loadgen.audio.Codec;

/**
 * The SRS's SDP answer, reduced to what sending needs: per m-line, in the offer's order (RFC 3264
 * section 6), where to send and with which payload type.
 *
 * @param media one entry per m-line
 */
public record SdpAnswer(List<Media> media) {
  public SdpAnswer {
    media = List.copyOf(media);
  }

  /**
   * One answered m-line.
   *
   * @param port the RTP port; 0 means the stream was rejected (RFC 3264 section 6)
   * @param address the connection address (media-level c= or else session-level)
   * @param formats the payload types listed on the m-line
   * @param encodings encoding names by payload type, from a=rtpmap
   * @param direction sendrecv, sendonly, recvonly or inactive (default sendrecv)
   */
  public record Media(
      int port,
      Optional<InetAddress> address,
      List<Integer> formats,
      Map<Integer, String> encodings,
      String direction) {
    public Media {
      formats = List.copyOf(formats);
      encodings = Map.copyOf(encodings);
    }

    /** Whether the answerer takes media here: a port, an address, and it may receive. */
    public boolean receives() {
      return port != 0
          && address.filter(a -> !a.isAnyLocalAddress()).isPresent()
          && (direction.equals("recvonly") || direction.equals("sendrecv"));
    }

    /**
     * The payload type for this codec: the answer's number when it lists the codec (a dynamic
     * number may differ from the offer's), else the offer's.
     */
    public int payloadTypeFor(Codec codec) {
      for (int format : formats) {
        String name = encodings.get(format);
        if (name != null
            ? name.equalsIgnoreCase(codec.encodingName())
            : format == codec.payloadType()) {
          return format;
        }
      }
      return codec.payloadType();
    }
  }

  /** Parses SDP text (RFC 4566 section 5); unknown lines are skipped. */
  public static SdpAnswer parse(String sdp) throws SipParseException {
    Optional<InetAddress> sessionAddress = Optional.empty();
    List<MediaBuilder> media = new ArrayList<>();
    String[] lines = sdp.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.length() < 2 || line.charAt(1) != '=') {
        continue;
      }
      String value = line.substring(2);
      MediaBuilder current = media.isEmpty() ? null : media.get(media.size() - 1);
      switch (line.charAt(0)) {
        case 'm' -> media.add(MediaBuilder.fromMLine(value, i));
        case 'c' -> {
          Optional<InetAddress> address = Optional.of(connection(value, i));
          if (current == null) {
            sessionAddress = address;
          } else {
            current.address = address;
          }
        }
        case 'a' -> {
          if (current != null) {
            current.attribute(value);
          }
        }
        default -> {}
      }
    }
    List<Media> answered = new ArrayList<>();
    for (MediaBuilder builder : media) {
      answered.add(builder.build(sessionAddress));
    }
    return new SdpAnswer(answered);
  }

  private static InetAddress connection(String value, int line) throws SipParseException {
    String[] parts = value.trim().split("\\s+");
    if (parts.length < 3) {
      throw new SipParseException("malformed c= line " + value, line);
    }
    String address = parts[2];
    int slash = address.indexOf('/');
    try {
      return InetAddress.getByName(slash < 0 ? address : address.substring(0, slash));
    } catch (UnknownHostException e) {
      throw new SipParseException("unknown connection address " + address, line);
    }
  }

  private static final class MediaBuilder {
    int port;
    Optional<InetAddress> address = Optional.empty();
    final List<Integer> formats = new ArrayList<>();
    final Map<Integer, String> encodings = new HashMap<>();
    String direction = "sendrecv";

    static MediaBuilder fromMLine(String value, int line) throws SipParseException {
      String[] parts = value.trim().split("\\s+");
      if (parts.length < 3) {
        throw new SipParseException("malformed m= line " + value, line);
      }
      MediaBuilder media = new MediaBuilder();
      try {
        String port = parts[1];
        int slash = port.indexOf('/');
        media.port = Integer.parseInt(slash < 0 ? port : port.substring(0, slash));
        for (int i = 3; i < parts.length; i++) {
          media.formats.add(Integer.parseInt(parts[i]));
        }
      } catch (NumberFormatException e) {
        throw new SipParseException("malformed m= line " + value, line);
      }
      return media;
    }

    void attribute(String value) {
      String lower = value.toLowerCase(Locale.ROOT);
      switch (lower) {
        case "sendrecv", "sendonly", "recvonly", "inactive" -> direction = lower;
        default -> {
          if (lower.startsWith("rtpmap:")) {
            rtpmap(value.substring(7));
          }
        }
      }
    }

    private void rtpmap(String value) {
      String[] parts = value.trim().split("\\s+", 2);
      if (parts.length == 2) {
        try {
          int slash = parts[1].indexOf('/');
          encodings.put(
              Integer.parseInt(parts[0]), slash < 0 ? parts[1] : parts[1].substring(0, slash));
        } catch (NumberFormatException ignored) {
          // a malformed rtpmap only loses the name; the static payload type still applies
        }
      }
    }

    Media build(Optional<InetAddress> sessionAddress) {
      return new Media(
          port, address.isPresent() ? address : sessionAddress, formats, encodings, direction);
    }
  }
}
