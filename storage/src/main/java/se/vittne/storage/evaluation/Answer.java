package se.vittne.storage.evaluation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An answer to one question for one recording. */
public record Answer(UUID question, String text, Optional<UUID> answeredBy, Instant answeredAt) {}
