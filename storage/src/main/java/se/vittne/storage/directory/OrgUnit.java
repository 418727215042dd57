package se.vittne.storage.directory;

import java.util.UUID;

/** A district, cost centre or office. */
public record OrgUnit(UUID id, OrgUnitKind kind, String name) {}
