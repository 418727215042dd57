package se.vittne.admin.recordings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.Direction;
import se.vittne.policy.GroupId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.recording.Flag;
import se.vittne.storage.recording.Recording;
import se.vittne.storage.recording.RecordingListItem;

/**
 * A row of the recordings list: the columns of R-50 and the quality flags the player shows.
 *
 * @param id the recording's ID
 * @param start when the call started
 * @param date the start's date, in the tenant's time zone
 * @param time the start's time of day, in the tenant's time zone
 * @param extension the extension recorded
 * @param user the name of the user recorded, when known
 * @param remoteNumber the other party's number
 * @param ddi the direct number dialled
 * @param channel the answer group the call came through (the guide's "channel")
 * @param direction incoming, outgoing or internal, seen from the recorded user
 * @param durationMs the recording's length in milliseconds
 * @param tag the call tag
 * @param flag the flag
 * @param evaluated whether evaluation questions were answered
 * @param oneWayAudio whether one party was (almost) never heard
 * @param gaps whether audio is missing somewhere
 * @param expiresOn the day it is erased
 */
public record RecordingSummary(
    UUID id,
    Instant start,
    LocalDate date,
    LocalTime time,
    String extension,
    Optional<String> user,
    Optional<String> remoteNumber,
    Optional<String> ddi,
    Optional<String> channel,
    Direction direction,
    long durationMs,
    Optional<String> tag,
    Flag flag,
    boolean evaluated,
    boolean oneWayAudio,
    boolean gaps,
    LocalDate expiresOn) {

  public static RecordingSummary of(RecordingListItem item, ZoneId zone) {
    return of(item.recording(), item.tag(), item.flag(), item.evaluated(), zone);
  }

  public static RecordingSummary of(
      Recording r, Optional<String> tag, Flag flag, boolean evaluated, ZoneId zone) {
    ZonedDateTime local = r.call().start().atZone(zone);
    return new RecordingSummary(
        r.id(),
        r.call().start(),
        local.toLocalDate(),
        local.toLocalTime().truncatedTo(ChronoUnit.SECONDS),
        r.user().extension(),
        r.user().name(),
        r.call().remoteNumber(),
        r.call().ddi().map(PhoneNumber::e164),
        r.call().answerGroup().map(GroupId::value),
        r.call().direction(),
        r.duration().toMillis(),
        tag,
        flag,
        evaluated,
        r.quality().oneWayAudio(),
        r.quality().gaps(),
        r.expiresOn());
  }
}
