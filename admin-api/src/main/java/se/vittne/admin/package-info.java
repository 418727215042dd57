/**
 * The admin process: the JSON API under {@code /api/v1} (with its OpenAPI document) and the
 * server-rendered web app, sharing one set of permission checks.
 */
package se.vittne.admin;
