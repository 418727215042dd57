package se.vittne.policy;

/**
 * Whether the PBX should tell the parties that the call is recorded. Vittne does not play
 * prompts itself; it exposes this setting so that the PBX can.
 */
public enum Announcement {
  NONE,
  CALLER,
  CALLER_AND_AGENT
}
