package se.vittne.storage.directory;

import java.util.Optional;
import java.util.UUID;
import se.vittne.policy.GroupId;

/**
 * An answer group (ACD or hunt group).
 *
 * @param id its row ID
 * @param key the stable key the recording policy refers to
 * @param name its name as the PBX shows it
 * @param number its number or short code, as the PBX signals it
 */
public record AnswerGroup(UUID id, GroupId key, String name, Optional<String> number) {}
