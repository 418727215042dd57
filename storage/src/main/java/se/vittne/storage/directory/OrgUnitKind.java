package se.vittne.storage.directory;

/** The optional groupings of users besides departments. */
public enum OrgUnitKind {
  DISTRICT,
  COST_CENTRE,
  OFFICE
}
