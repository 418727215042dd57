package se.vittne.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The user of the tenant whose side of the call would be recorded, as the directory knows them.
 *
 * @param extension the user's extension, or the raw identity when the directory does not know it
 * @param department the user's department, empty when none is set
 * @param recordingEnabled the directory's "recording enabled" flag; false for a party the
 *     directory does not know
 */
public record RecordedParty(
    String extension, Optional<DepartmentId> department, boolean recordingEnabled) {
  public RecordedParty {
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(department, "department");
  }

  public static RecordedParty of(String extension, String department, boolean recordingEnabled) {
    return new RecordedParty(
        extension, Optional.ofNullable(department).map(DepartmentId::new), recordingEnabled);
  }

  /** A party the directory does not know: never recorded. */
  public static RecordedParty unknown(String identity) {
    return new RecordedParty(identity, Optional.empty(), false);
  }
}
