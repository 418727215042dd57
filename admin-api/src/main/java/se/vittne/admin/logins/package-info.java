/**
 * A tenant's logins: listing them, creating them with a temporary password and the two
 * e-mails of R-21 (a link to the web app, and separately the password), changing their role, flags
 * and departments, deactivating and deleting them; and an operator creating a tenant's first
 * logins.
 */
package se.vittne.admin.logins;
