/**
 * Authentication (R-2x): e-mail and password login with Argon2id hashes and a server-side session
 * in an HttpOnly, SameSite cookie (Secure under HTTPS); "keep me logged in"; logout; CSRF tokens
 * for cookie-authenticated changes; scoped API tokens; the password rules, 100-day expiry and
 * last-10 history of R-22; the first-login password change and licence agreement of R-21;
 * forgot-password links that are single-use, expire, and never reveal whether an address has
 * a login; and throttling per account and per client address, shared by every node through
 * PostgreSQL.
 */
package se.vittne.admin.auth;
