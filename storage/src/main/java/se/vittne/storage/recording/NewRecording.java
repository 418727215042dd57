package se.vittne.storage.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A recording to archive: one recorded party of one call.
 *
 * @param id the recording's ID (chosen by the archiver, so a retry uses the same one)
 * @param call the call
 * @param user the recorded party
 * @param end when the recording ended
 * @param audio the stored audio
 * @param policy the decision that allowed the recording
 * @param quality reception quality
 * @param recovered whether the file was finished by a restarted node after a crash
 * @param expiresOn the day the recording is erased
 */
public record NewRecording(
    UUID id,
    CallInfo call,
    RecordedUser user,
    Instant end,
    AudioInfo audio,
    PolicyOutcome policy,
    Quality quality,
    boolean recovered,
    LocalDate expiresOn) {
  public NewRecording {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(expiresOn, "expiresOn");
    if (end.isBefore(call.start())) {
      throw new IllegalArgumentException("a recording cannot end before it starts");
    }
    if (!policy.recorded()) {
      throw new IllegalArgumentException("rule " + policy.rule() + " does not record");
    }
  }

  /** The expiry date of a recording started at {@code start}: its local date plus retention. */
  public static LocalDate expiryFor(Instant start, ZoneId zone, int retentionDays) {
    return start.atZone(zone).toLocalDate().plusDays(retentionDays);
  }
}
