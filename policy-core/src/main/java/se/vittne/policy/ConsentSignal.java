package se.vittne.policy;

/**
 * What the PBX signalled about the caller's consent to recording, typically from an IVR choice
 * . Most calls carry no signal: {@link #UNKNOWN}.
 */
public enum ConsentSignal {
  GRANTED,
  REFUSED,
  UNKNOWN
}
