package se.vittne.capture.sip.siprec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code group} (RFC 7865 section 6.3): communication sessions that belong together.
 *
 * @param id the group_id
 * @param associateTime when the group was associated, as written
 * @param extensions the group's extension data
 */
public record MetadataGroup(
    String id, Optional<String> associateTime, List<ExtensionData> extensions) {
  public MetadataGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(associateTime, "associateTime");
    extensions = List.copyOf(extensions);
  }

  /** An extension leaf value by local name, if present. */
  public Optional<String> extensionValue(String localName) {
    return Extensions.value(extensions, localName);
  }
}
