package se.vittne.capture.sip.sdp;

import java.util.Map;
import java.util.Optional;

/** The static audio payload types of RFC 3551 section 6, table 4, for offers without rtpmap. */
final class StaticPayloadTypes {
  private static final Map<Integer, RtpMap> AUDIO =
      Map.ofEntries(
          entry(0, "PCMU", 8000, 1),
          entry(3, "GSM", 8000, 1),
          entry(4, "G723", 8000, 1),
          entry(5, "DVI4", 8000, 1),
          entry(6, "DVI4", 16000, 1),
          entry(7, "LPC", 8000, 1),
          entry(8, "PCMA", 8000, 1),
          entry(9, "G722", 8000, 1),
          entry(10, "L16", 44100, 2),
          entry(11, "L16", 44100, 1),
          entry(12, "QCELP", 8000, 1),
          entry(13, "CN", 8000, 1),
          entry(14, "MPA", 90000, 1),
          entry(15, "G728", 8000, 1),
          entry(16, "DVI4", 11025, 1),
          entry(17, "DVI4", 22050, 1),
          entry(18, "G729", 8000, 1));

  private StaticPayloadTypes() {}

  static Optional<RtpMap> lookup(int payloadType) {
    return Optional.ofNullable(AUDIO.get(payloadType));
  }

  private static Map.Entry<Integer, RtpMap> entry(int pt, String name, int rate, int channels) {
    return Map.entry(pt, new RtpMap(pt, name, rate, channels));
  }
}
