package se.vittne.storage.directory;

import java.util.UUID;
import se.vittne.policy.DepartmentId;

/**
 * A department.
 *
 * @param id its row ID, used by filters and restricted logins
 * @param key the stable key the recording policy refers to
 * @param name its display name
 */
public record Department(UUID id, DepartmentId key, String name) {}
