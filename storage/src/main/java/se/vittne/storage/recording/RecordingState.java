package se.vittne.storage.recording;

/** Where a recording is in its life. An erased recording has no row at all. */
public enum RecordingState {
  /** Archived and playable. */
  ACTIVE,
  /** Its erasure has begun: the audio may already be gone and the row goes next. */
  ERASING
}
