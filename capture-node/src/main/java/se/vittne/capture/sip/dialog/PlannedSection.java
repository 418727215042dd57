package se.vittne.capture.sip.dialog;

import java.util.Objects;
import java.util.Optional;
import se.vittne.capture.media.MediaDirection;
import se.vittne.capture.media.StreamSpec;
import se.vittne.capture.sip.sdp.MediaDescription;

/**
 * One offered media section and what the recorder makes of it: a stream to receive, or nothing (the
 * section will be rejected with port 0).
 */
record PlannedSection(
    MediaDescription section, MediaDirection direction, Optional<StreamSpec> stream) {
  PlannedSection {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(stream, "stream");
  }
}
