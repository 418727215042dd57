/**
 * Vittne's system of record: the PostgreSQL schema (Flyway migrations), repositories per aggregate
 * that always take the tenant, the audio store (filesystem or S3-compatible), and the retention and
 * deletion jobs.
 */
package se.vittne.storage;
