package se.vittne.storage.directory;

import java.util.UUID;
import se.vittne.policy.number.PhoneNumber;

/** One of the tenant's direct numbers (DDI), with its name. */
public record DirectNumber(UUID id, PhoneNumber number, String name) {}
