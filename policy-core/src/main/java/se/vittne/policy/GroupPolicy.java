package se.vittne.policy;

/** What to do with incoming calls that came through one answer group. */
public enum GroupPolicy {
  /** The group does not decide; other rules do. */
  NOT_APPLICABLE,
  /** Always record (approved). */
  ALWAYS_RECORD,
  /** Always record (approved via IVR): the caller chose recording in the IVR. */
  ALWAYS_RECORD_APPROVED_VIA_IVR,
  /** Never record (rejected via IVR): the caller refused recording in the IVR. */
  NEVER_RECORD_REFUSED_VIA_IVR,
  /** Never record (rejected). */
  NEVER_RECORD;

  public boolean always() {
    return this == ALWAYS_RECORD || this == ALWAYS_RECORD_APPROVED_VIA_IVR;
  }

  public boolean never() {
    return this == NEVER_RECORD || this == NEVER_RECORD_REFUSED_VIA_IVR;
  }
}
