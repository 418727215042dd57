package se.vittne.storage.recording;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The recorded party as the directory knew them when the call was made. The organisation is kept
 * with the recording so that filters and department scoping follow the call, not later moves.
 *
 * @param userId the directory user, when known
 * @param extension the extension recorded
 * @param name the user's name
 * @param department the user's department
 * @param district the user's district
 * @param costCentre the user's cost centre
 * @param office the user's office
 */
public record RecordedUser(
    Optional<UUID> userId,
    String extension,
    Optional<String> name,
    Optional<UUID> department,
    Optional<UUID> district,
    Optional<UUID> costCentre,
    Optional<UUID> office) {
  public RecordedUser {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(district, "district");
    Objects.requireNonNull(costCentre, "costCentre");
    Objects.requireNonNull(office, "office");
  }

  /** A party the directory does not know: only the extension (or identity) is kept. */
  public static RecordedUser unknown(String extension) {
    return new RecordedUser(
        Optional.empty(),
        extension,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
