/**
 * A tenant's directory, for its super users: departments, districts, cost centres and
 * offices, answer groups, direct numbers and users, and the CSV import of users from the PBX that
 * checks every row, reports errors per line and imports nothing unless every row is valid. A user
 * with a web role and an e-mail address gets a login and the invitation e-mails of R-21.
 */
package se.vittne.admin.directory;
