package se.vittne.admin.sharing;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import se.vittne.policy.GroupId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.recording.Recording;

/**
 * The facts of R-55 about a shared call, as words in one language: what the mail and the shared
 * page show.
 */
record SharedCall(
    String direction,
    String date,
    String time,
    String extension,
    String user,
    String number,
    String ddi,
    String channel,
    String duration,
    String tag,
    String evaluated) {

  static SharedCall of(
      Recording r, Optional<String> tag, boolean evaluated, ZoneId zone, Words words) {
    ZonedDateTime start = r.call().start().atZone(zone);
    String none = words.get("none");
    return new SharedCall(
        words.get("direction." + r.call().direction().name()),
        DateTimeFormatter.ISO_LOCAL_DATE.format(start),
        DateTimeFormatter.ofPattern("HH:mm:ss").format(start),
        r.user().extension(),
        r.user().name().orElse(none),
        r.call().remoteNumber().orElse(none),
        r.call().ddi().map(PhoneNumber::e164).orElse(none),
        r.call().answerGroup().map(GroupId::value).orElse(none),
        hms(r.duration()),
        tag.orElse(none),
        words.get(evaluated ? "yes" : "no"));
  }

  static String hms(Duration d) {
    long s = d.toSeconds();
    return "%02d:%02d:%02d".formatted(s / 3600, (s / 60) % 60, s % 60);
  }
}
