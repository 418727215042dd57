package se.vittne.admin.download;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.recording.Recording;

/**
 * The file name of a downloaded recording: {@code
 * 2026-11-28_10-46-51_201_Pelle-Persson_+46709200000_+46735143332.wav}, that is the start's local
 * date and time, the extension and name of the user recorded, the other party's number and the
 * number dialled (when there was one). Safe on every common file system: letters of any language,
 * digits and {@code + - _ .} only, no leading dot, at most {@value #MAX} characters.
 */
public final class DownloadNames {
  static final int MAX = 180;
  private static final int MAX_PART = 60;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

  private DownloadNames() {}

  public static String of(Recording r, ZoneId zone) {
    List<String> parts = new ArrayList<>();
    ZonedDateTime start = r.call().start().atZone(zone);
    parts.add(STAMP.format(start));
    parts.add(safe(r.user().extension()));
    r.user().name().map(DownloadNames::safe).filter(s -> !s.isEmpty()).ifPresent(parts::add);
    parts.add(
        r.call()
            .remoteNumber()
            .map(DownloadNames::safe)
            .filter(s -> !s.isEmpty())
            .orElse("unknown"));
    r.call().ddi().map(PhoneNumber::e164).map(DownloadNames::safe).ifPresent(parts::add);
    String name = String.join("_", parts);
    if (name.length() > MAX) {
      name = name.substring(0, MAX);
    }
    return name + ".wav";
  }

  /** Letters, digits and + - . kept; anything else (spaces, slashes, colons...) becomes a dash. */
  static String safe(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(c -> {
          boolean keep = Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
          if (keep) {
            out.appendCodePoint(c);
          } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
            out.append('-');
          }
        });
    String safe = out.toString().replaceAll("^[-.]+|[-.]+$", "").replaceAll("\\.{2,}", ".");
    return safe.length() > MAX_PART ? safe.substring(0, MAX_PART) : safe;
  }
}
