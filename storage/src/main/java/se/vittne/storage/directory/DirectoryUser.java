package se.vittne.storage.directory;

import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.RecordedParty;
import se.vittne.storage.recording.RecordedUser;

/**
 * A user as the directory has them, with the department resolved for the policy.
 *
 * @param id the user's row ID
 * @param data what was set on them
 * @param department their department, resolved
 */
public record DirectoryUser(UUID id, UserData data, Optional<Department> department) {
  /** The user as the recording policy sees them. */
  public RecordedParty toRecordedParty() {
    return new RecordedParty(
        data.extension(), department.map(Department::key), data.recordingEnabled());
  }

  /** The user as a recording row keeps them. */
  public RecordedUser toRecordedUser() {
    return new RecordedUser(
        Optional.of(id),
        data.extension(),
        Optional.of(data.name()),
        data.department(),
        data.district(),
        data.costCentre(),
        data.office());
  }
}
