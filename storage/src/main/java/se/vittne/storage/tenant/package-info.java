/**
 * Tenants and their settings: licences, numbering plan, time zone, retention, office hours.
 */
package se.vittne.storage.tenant;
