/**
 * Web logins (R-14, R-2x): roles and permission flags, password hashes and history, server-side
 * sessions, forgot-password links and API tokens. Hashing passwords (Argon2id) is the admin API's
 * job; tokens handed to browsers and integrations are random and stored only as SHA-256.
 */
package se.vittne.storage.login;
