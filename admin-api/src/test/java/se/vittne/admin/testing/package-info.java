/**
 * Test support: the admin server started for real on a random port against the embedded PostgreSQL
 * and an in-process SMTP server (GreenMail), an HTTP client that behaves like a browser or an
 * integration, and helpers to seed tenants and logins and to read the mail that arrived.
 */
package se.vittne.admin.testing;
