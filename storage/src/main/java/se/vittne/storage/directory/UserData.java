package se.vittne.storage.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.vittne.policy.number.PhoneNumber;

/**
 * What an administrator or a CSV import sets on a user.
 *
 * @param name the user's name
 * @param extension the extension, unique in the tenant
 * @param email the e-mail address
 * @param title the job title
 * @param department the department's row ID
 * @param district the district's row ID
 * @param costCentre the cost centre's row ID
 * @param office the office's row ID
 * @param recordingEnabled R-13: nothing is recorded for a user without it
 * @param role the web role
 * @param numbers the user's phone numbers (mobile, direct line), each unique in the tenant
 */
public record UserData(
    String name,
    String extension,
    Optional<String> email,
    Optional<String> title,
    Optional<UUID> department,
    Optional<UUID> district,
    Optional<UUID> costCentre,
    Optional<UUID> office,
    boolean recordingEnabled,
    UserRole role,
    Set<PhoneNumber> numbers) {
  public UserData {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(extension, "extension");
    if (extension.isBlank()) {
      throw new IllegalArgumentException("an extension must not be blank");
    }
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(district, "district");
    Objects.requireNonNull(costCentre, "costCentre");
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(role, "role");
    numbers = Set.copyOf(numbers);
  }

  /** A user with just a name and extension; everything else empty and recording off. */
  public static UserData of(String name, String extension) {
    return new UserData(
        name,
        extension,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        UserRole.NONE,
        Set.of());
  }
}
