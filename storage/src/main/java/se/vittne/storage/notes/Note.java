package se.vittne.storage.notes;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.vittne.storage.recording.Flag;

/**
 * A recording's notes.
 *
 * @param callResult a call-result category of the tenant
 * @param customerResponse a customer-response category of the tenant
 * @param flag the flag
 * @param tag the free-text call tag
 */
public record Note(
    Optional<UUID> callResult, Optional<UUID> customerResponse, Flag flag, Optional<String> tag) {
  public static final Note EMPTY =
      new Note(Optional.empty(), Optional.empty(), Flag.NONE, Optional.empty());

  public Note {
    Objects.requireNonNull(callResult, "callResult");
    Objects.requireNonNull(customerResponse, "customerResponse");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(tag, "tag");
    if (tag.isPresent() && tag.get().length() > 200) {
      throw new IllegalArgumentException("a call tag has at most 200 characters");
    }
  }
}
