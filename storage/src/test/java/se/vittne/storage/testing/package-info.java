/**
 * Test support shipped in the storage test-jar: one embedded PostgreSQL per test JVM and a JUnit 5
 * extension that gives each test class its own freshly migrated, empty database.
 */
package se.vittne.storage.testing;
