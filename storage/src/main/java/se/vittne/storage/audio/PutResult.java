package se.vittne.storage.audio;

/**
 * What a completed put wrote.
 *
 * @param key where
 * @param size how many bytes
 * @param sha256 their SHA-256, lower-case hex, computed while writing
 */
public record PutResult(StoreKey key, long size, String sha256) {}
