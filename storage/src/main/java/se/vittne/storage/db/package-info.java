/**
 * Connections to PostgreSQL: the production pool (HikariCP) configured by URL, user, password and
 * pool size; the Flyway migrations that are the schema's only source; the jOOQ context every
 * repository builds on; and an embedded PostgreSQL server for tests and {@code vittne demo}.
 */
package se.vittne.storage.db;
