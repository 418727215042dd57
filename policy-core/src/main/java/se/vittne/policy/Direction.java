package se.vittne.policy;

/** The direction of a call, seen from the recorded party. */
public enum Direction {
  /** From outside the company to the recorded party. */
  INCOMING,
  /** From the recorded party to outside the company. */
  OUTGOING,
  /** Between two users of the same company. */
  INTERNAL
}
