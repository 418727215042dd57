package se.vittne.capture.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Archives one finished session; idempotent, so that a retry after any failure completes the job
 * without duplicates. {@link Archiver} is the real one; safe to call from several threads at once
 * for different sessions.
 */
@FunctionalInterface
public interface ArchiveStep {
  /** Archives a job whose WAV file is {@code audio} (absent when no party is recorded). */
  void archive(ArchiveJob job, Optional<Path> audio) throws IOException;
}
