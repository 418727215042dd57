package se.vittne.storage.evaluation;

import java.util.UUID;

/** A category of call result or customer response. */
public record Category(UUID id, CategoryKind kind, String name, int position) {}
