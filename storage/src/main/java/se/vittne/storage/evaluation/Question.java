package se.vittne.storage.evaluation;

import java.util.UUID;

/** An evaluation question. */
public record Question(UUID id, String text, int position) {}
