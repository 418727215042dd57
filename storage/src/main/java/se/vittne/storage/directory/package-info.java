/**
 * The tenant's directory: departments, districts, cost centres and offices, users with their
 * extensions and numbers, answer groups and direct numbers; and the indexed lookups a capture node
 * makes for every call.
 */
package se.vittne.storage.directory;
