package se.vittne.storage.licence;

/** What a licence is used for. */
public enum LeaseKind {
  RECORDING,
  LISTENING
}
