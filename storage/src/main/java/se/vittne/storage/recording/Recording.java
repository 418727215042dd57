package se.vittne.storage.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.vittne.policy.TenantId;

/**
 * An archived recording as stored.
 *
 * @param id its ID
 * @param tenant its tenant
 * @param call the call
 * @param user the recorded party
 * @param end when it ended
 * @param audio the stored audio
 * @param policy why it was recorded
 * @param quality reception quality
 * @param recovered whether it was finished after a crash
 * @param expiresOn when it is erased
 * @param state whether its erasure has begun
 */
public record Recording(
    UUID id,
    TenantId tenant,
    CallInfo call,
    RecordedUser user,
    Instant end,
    AudioInfo audio,
    PolicyOutcome policy,
    Quality quality,
    boolean recovered,
    LocalDate expiresOn,
    RecordingState state) {
  public Duration duration() {
    return Duration.between(call.start(), end);
  }
}
