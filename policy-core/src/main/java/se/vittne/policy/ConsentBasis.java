package se.vittne.policy;

/** How the caller's consent, where it was involved, was established. */
public enum ConsentBasis {
  /** The PBX signalled explicitly that the caller agreed. */
  GRANTED_SIGNALLED_BY_PBX,
  /** The caller reached an answer group that the IVR routes to after agreeing. */
  GRANTED_VIA_IVR_GROUP,
  /** The PBX signalled explicitly that the caller refused. */
  REFUSED_SIGNALLED_BY_PBX,
  /** The caller reached an answer group that the IVR routes to after refusing. */
  REFUSED_VIA_IVR_GROUP
}
