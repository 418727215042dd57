/**
 * Authorisation in one place: who a request acts as ({@link
 * se.vittne.admin.access.Principal}), what an endpoint needs ({@link
 * se.vittne.admin.access.Permission}), and the single decision between them ({@link
 * se.vittne.admin.access.Access}), used alike by every API endpoint and every web page. Pure: no
 * HTTP, no database.
 */
package se.vittne.admin.access;
