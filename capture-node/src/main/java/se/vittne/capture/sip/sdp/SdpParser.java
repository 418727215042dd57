package se.vittne.capture.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import se.vittne.capture.media.MediaDirection;

/**
 * Reads SDP offers (RFC 8866 section 5). Strict where a mistake would send media to the wrong place
 * ({@code m=} and {@code c=} lines), lenient elsewhere: bare LF line ends, blank lines, unknown or
 * malformed attributes and unknown line types are skipped. Every scan is bounded.
 */
public final class SdpParser {
  static final int MAX_LINES = 2000;
  static final int MAX_FORMATS = 64;

  private final int maxMedia;

  /**
   * @param maxMedia how many media sections an offer may have before it is refused
   */
  public SdpParser(int maxMedia) {
    this.maxMedia = maxMedia;
  }

  /**
   * Parses an SDP description.
   *
   * @throws SdpException when the text is not SDP, an {@code m=} or {@code c=} line is malformed or
   *     there are too many media sections
   */
  public SessionDescription parse(String text) throws SdpException {
    String[] lines = text.split("\n", MAX_LINES + 1);
    if (lines.length > MAX_LINES) {
      throw new SdpException("more than " + MAX_LINES + " lines", 0);
    }
    Builder session = new Builder();
    boolean versionSeen = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=') {
        if (!versionSeen) {
          throw new SdpException("not an SDP description", number);
        }
        continue;
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (!versionSeen) {
        if (type != 'v') {
          throw new SdpException("SDP must start with v=", number);
        }
        versionSeen = true;
        continue;
      }
      session.line(type, value, number, maxMedia);
    }
    if (!versionSeen) {
      throw new SdpException("empty SDP description", 0);
    }
    return session.build();
  }

  /** Collects the session part, then one media section after another. */
  private static final class Builder {
    private Optional<Origin> origin = Optional.empty();
    private Optional<ConnectionAddress> connection = Optional.empty();
    private Optional<MediaDirection> direction = Optional.empty();
    private final List<MediaDescription> media = new ArrayList<>();
    private MediaBuilder current;

    void line(char type, String value, int number, int maxMedia) throws SdpException {
      switch (type) {
        case 'o' -> {
          if (current == null) {
            origin = origin(value);
          }
        }
        case 'c' -> {
          ConnectionAddress address = connection(value, number);
          if (current == null) {
            connection = Optional.of(address);
          } else {
            current.connection = Optional.of(address);
          }
        }
        case 'm' -> {
          finishMedia();
          if (media.size() == maxMedia) {
            throw new SdpException("more than " + maxMedia + " media sections", number);
          }
          current = MediaBuilder.of(media.size(), value, number);
        }
        case 'a' -> {
          if (current == null) {
            directionOf(value).ifPresent(d -> direction = Optional.of(d));
          } else {
            current.attribute(value);
          }
        }
        default -> {
          // Other line types (s=, t=, b=, ...) do not concern a recorder.
        }
      }
    }

    private void finishMedia() {
      if (current != null) {
        media.add(current.build());
        current = null;
      }
    }

    SessionDescription build() {
      finishMedia();
      return new SessionDescription(origin, connection, direction, media);
    }
  }

  private static final class MediaBuilder {
    private final int index;
    private final String media;
    private final int port;
    private final String protocol;
    private final List<String> formats;
    private Optional<ConnectionAddress> connection = Optional.empty();
    private final Map<Integer, RtpMap> rtpmaps = new HashMap<>();
    private final Map<Integer, String> fmtps = new HashMap<>();
    private Optional<MediaDirection> direction = Optional.empty();
    private Optional<String> label = Optional.empty();
    private boolean rtcpMux;
    private OptionalInt rtcpPort = OptionalInt.empty();

    private MediaBuilder(int index, String media, int port, String protocol, List<String> formats) {
      this.index = index;
      this.media = media;
      this.port = port;
      this.protocol = protocol;
      this.formats = formats;
    }

    static MediaBuilder of(int index, String value, int number) throws SdpException {
      String[] parts = value.strip().split("\\s+");
      if (parts.length < 3) {
        throw new SdpException("malformed m= line", number);
      }
      String portText = parts[1];
      int slash = portText.indexOf('/');
      if (slash >= 0) {
        portText = portText.substring(0, slash);
      }
      int port = parsePort(portText, number, "m=");
      List<String> formats = new ArrayList<>();
      for (int i = 3; i < parts.length && formats.size() < MAX_FORMATS; i++) {
        formats.add(parts[i]);
      }
      return new MediaBuilder(index, parts[0], port, parts[2], formats);
    }

    void attribute(String value) {
      int colon = value.indexOf(':');
      String name =
          (colon >= 0 ? value.substring(0, colon) : value).strip().toLowerCase(Locale.ROOT);
      String argument = colon >= 0 ? value.substring(colon + 1).strip() : "";
      switch (name) {
        case "rtpmap" -> rtpmap(argument);
        case "fmtp" -> fmtp(argument);
        case "label" -> {
          if (!argument.isEmpty()) {
            label = Optional.of(argument);
          }
        }
        case "rtcp-mux" -> rtcpMux = true;
        case "rtcp" -> {
          String[] parts = argument.split("\\s+");
          try {
            int p = Integer.parseInt(parts[0]);
            if (p > 0 && p <= 65535) {
              rtcpPort = OptionalInt.of(p);
            }
          } catch (NumberFormatException e) {
            // A malformed a=rtcp is ignored: RTCP then goes to port + 1 as usual.
          }
        }
        default -> directionOf(value).ifPresent(d -> direction = Optional.of(d));
      }
    }

    private void rtpmap(String argument) {
      String[] parts = argument.split("\\s+", 2);
      if (parts.length < 2) {
        return;
      }
      try {
        int pt = Integer.parseInt(parts[0]);
        String[] encoding = parts[1].strip().split("/");
        if (encoding.length < 2) {
          return;
        }
        int rate = Integer.parseInt(encoding[1].strip());
        int channels = encoding.length > 2 ? Integer.parseInt(encoding[2].strip()) : 1;
        if (pt >= 0 && pt <= 127 && rate > 0 && channels > 0) {
          rtpmaps.putIfAbsent(pt, new RtpMap(pt, encoding[0].strip(), rate, channels));
        }
      } catch (NumberFormatException e) {
        // A malformed rtpmap leaves its payload type unknown; the format is then not usable.
      }
    }

    private void fmtp(String argument) {
      String[] parts = argument.split("\\s+", 2);
      try {
        int pt = Integer.parseInt(parts[0]);
        fmtps.putIfAbsent(pt, parts.length > 1 ? parts[1].strip() : "");
      } catch (NumberFormatException e) {
        // Ignored like any malformed attribute.
      }
    }

    MediaDescription build() {
      return new MediaDescription(
          index,
          media,
          port,
          protocol,
          formats,
          connection,
          rtpmaps,
          fmtps,
          direction,
          label,
          rtcpMux,
          rtcpPort);
    }
  }

  private static Optional<Origin> origin(String value) {
    String[] parts = value.strip().split("\\s+");
    if (parts.length < 6) {
      return Optional.empty();
    }
    return Optional.of(new Origin(parts[0], parts[1], parts[2], parts[5]));
  }

  private static ConnectionAddress connection(String value, int number) throws SdpException {
    String[] parts = value.strip().split("\\s+");
    if (parts.length < 3 || !parts[0].equalsIgnoreCase("IN")) {
      throw new SdpException("malformed c= line", number);
    }
    String type = parts[1].toUpperCase(Locale.ROOT);
    if (!type.equals("IP4") && !type.equals("IP6")) {
      throw new SdpException("unknown address type in c= line", number);
    }
    String address = parts[2];
    int slash = address.indexOf('/');
    if (slash >= 0) {
      address = address.substring(0, slash);
    }
    if (address.isEmpty()) {
      throw new SdpException("empty address in c= line", number);
    }
    return new ConnectionAddress(type, address);
  }

  private static Optional<MediaDirection> directionOf(String attribute) {
    return switch (attribute.strip().toLowerCase(Locale.ROOT)) {
      case "sendrecv" -> Optional.of(MediaDirection.SENDRECV);
      case "sendonly" -> Optional.of(MediaDirection.SENDONLY);
      case "recvonly" -> Optional.of(MediaDirection.RECVONLY);
      case "inactive" -> Optional.of(MediaDirection.INACTIVE);
      default -> Optional.empty();
    };
  }

  private static int parsePort(String text, int number, String what) throws SdpException {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new SdpException("port out of range in " + what + " line", number);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new SdpException("port is not a number in " + what + " line", number);
    }
  }
}
