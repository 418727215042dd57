package se.vittne.storage.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.Direction;
import se.vittne.policy.Explanation;
import se.vittne.policy.Rule;
import se.vittne.storage.recording.AudioInfo;
import se.vittne.storage.recording.CallInfo;
import se.vittne.storage.recording.ChannelQuality;
import se.vittne.storage.recording.NewRecording;
import se.vittne.storage.recording.PolicyOutcome;
import se.vittne.storage.recording.Quality;
import se.vittne.storage.recording.RecordedUser;

/** Ready-made recordings for tests that need rows to find, play or erase. */
public final class Recordings {
  private Recordings() {}

  /** A two-minute outgoing call of {@code extension}, recorded by the department policy. */
  public static NewRecording recording(String extension, Instant start) {
    UUID id = UUID.randomUUID();
    return new NewRecording(
        id,
        new CallInfo(
            "call-" + id,
            "session-" + id,
            Direction.OUTGOING,
            Optional.of("+46701234567"),
            Optional.empty(),
            Optional.empty(),
            start),
        RecordedUser.unknown(extension),
        start.plus(Duration.ofMinutes(2)),
        new AudioInfo("PCMA", 2, 8000, "t/" + id + ".wav", 1_920_044, "0".repeat(64)),
        new PolicyOutcome(
            Rule.DEPARTMENT_POLICY,
            new Explanation("Avdelningspolicyn spelar in.", "The department policy records."),
            1,
            Optional.empty()),
        new Quality(
            List.of(
                new ChannelQuality(6000, 3, 1, 0, 2.5, 0.4),
                new ChannelQuality(6000, 0, 0, 2, 1.0, 0.5)),
            false,
            true),
        false,
        LocalDate.of(2099, 1, 1));
  }
}
