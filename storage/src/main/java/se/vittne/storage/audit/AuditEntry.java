package se.vittne.storage.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One audited act.
 *
 * @param at when it happened
 * @param actorLogin the login that acted, empty for the system (a job)
 * @param actor who acted, readable: the login's e-mail, or e.g. "system:retention"
 * @param action what was done, an upper-case word such as {@code RECORDING_ERASED}
 * @param recording the recording it concerned, if any
 * @param subjectType what else it concerned (e.g. "policy", "login"), if anything
 * @param subjectId that thing's ID
 * @param details further facts, as JSON-friendly values (strings, numbers, booleans)
 */
public record AuditEntry(
    Instant at,
    Optional<UUID> actorLogin,
    String actor,
    String action,
    Optional<UUID> recording,
    Optional<String> subjectType,
    Optional<String> subjectId,
    Map<String, Object> details) {
  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actorLogin, "actorLogin");
    Objects.requireNonNull(actor, "actor");
    if (!ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("an action is an upper-case word: " + action);
    }
    Objects.requireNonNull(recording, "recording");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subjectId, "subjectId");
    details = Map.copyOf(details);
  }

  /** An act on a recording. */
  public static AuditEntry onRecording(
      Instant at,
      Optional<UUID> login,
      String actor,
      String action,
      UUID recording,
      Map<String, Object> details) {
    return new AuditEntry(
        at,
        login,
        actor,
        action,
        Optional.of(recording),
        Optional.empty(),
        Optional.empty(),
        details);
  }

  /** An act on something other than a recording. */
  public static AuditEntry onSubject(
      Instant at,
      Optional<UUID> login,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      Map<String, Object> details) {
    return new AuditEntry(
        at,
        login,
        actor,
        action,
        Optional.empty(),
        Optional.of(subjectType),
        Optional.of(subjectId),
        details);
  }
}
