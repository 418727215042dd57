package se.vittne.storage.recording;

/** The coloured flag a supervisor puts on a recording. */
public enum Flag {
  NONE,
  RED,
  GREEN,
  BLUE
}
