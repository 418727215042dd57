package se.vittne.storage.recording;

import java.util.Optional;

/**
 * A row of the recordings list: the recording and what supervisors noted on it.
 *
 * @param recording the recording
 * @param flag its flag
 * @param tag its call tag
 * @param evaluated whether evaluation questions were answered
 */
public record RecordingListItem(
    Recording recording, Flag flag, Optional<String> tag, boolean evaluated) {}
