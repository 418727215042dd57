package se.vittne.storage.recording;

import java.util.Set;
import java.util.UUID;

/**
 * Which of a tenant's recordings a login may see. Applied by the database in every search,
 * and by {@link #allows} to a single recording.
 */
public sealed interface RecordingScope {
  /** Super users: every recording of the tenant. */
  record WholeTenant() implements RecordingScope {}

  /** My Console users: the recordings of their own extension(s). */
  record OwnExtensions(Set<String> extensions) implements RecordingScope {
    public OwnExtensions {
      extensions = Set.copyOf(extensions);
    }
  }

  /** Restricted users: the recordings of users in the chosen departments. */
  record Departments(Set<UUID> departments) implements RecordingScope {
    public Departments {
      departments = Set.copyOf(departments);
    }
  }

  static RecordingScope wholeTenant() {
    return new WholeTenant();
  }

  static RecordingScope ownExtension(String extension) {
    return new OwnExtensions(Set.of(extension));
  }

  static RecordingScope departments(Set<UUID> departments) {
    return new Departments(departments);
  }

  /** Whether a recording of the same tenant is within this scope. */
  default boolean allows(Recording recording) {
    return switch (this) {
      case WholeTenant w -> true;
      case OwnExtensions own -> own.extensions().contains(recording.user().extension());
      case Departments d ->
          recording.user().department().map(d.departments()::contains).orElse(false);
    };
  }
}
